import BusbarServer
import DepotConfig
import DepotModel
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import OCPP
import Storage
import Testing

/// The OCPP endpoint over a real loopback socket, assembled by the same builder as `busbar serve`.
@Suite("OCPP endpoint over WebSockets")
struct OCPPEndpointTests {
    static let demo: Depot = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! DepotFileLoader.load(path: root.appendingPathComponent("config/depots/demo.yaml").path)
    }()

    func headers(_ station: String, protocol version: String) -> HTTPFields {
        let password = UpgradeCheckTests.demoPassword(station)
        return [
            .authorization: "Basic " + Data("\(station):\(password)".utf8).base64EncodedString(),
            .secWebSocketProtocol: version,
        ]
    }

    /// Runs a scripted station against a live server and returns the server's store.
    func withServer(_ body: @Sendable (Int, BusbarApplication) async throws -> Void) async throws -> BusbarStore {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [Self.demo], store: store, logger: Logger(label: "test"))
        try await server.applications[0].test(.live) { client in
            try await body(try #require(client.port), server)
        }
        return store
    }

    @Test func stationBootsStartsAndStopsATransaction() async throws {
        let store = try await withServer { port, _ in
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/ocpp/DEMO-A02", configuration: .init(additionalHeaders: headers("DEMO-A02", protocol: "ocpp1.6")),
                logger: Logger(label: "station")
            ) { inbound, outbound, _ in
                var replies = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                func call(_ frame: String) async throws -> String {
                    try await outbound.write(.text(frame))
                    guard case .text(let reply) = try await replies.next() else { throw CancellationError() }
                    return reply
                }
                #expect(
                    try await call(#"[2,"b","BootNotification",{"chargePointVendor":"ACME","chargePointModel":"DC150"}]"#).contains(
                        #""status":"Accepted""#))
                let start = try await call(
                    #"[2,"s","StartTransaction",{"connectorId":2,"idTag":"04A2B3C40002","meterStart":1000,"timestamp":"2026-11-24T22:00:00Z"}]"#)
                let id = try #require(start.firstMatch(of: /"transactionId":(\d+)/)?.1)
                #expect(
                    try await call(#"[2,"t","StopTransaction",{"transactionId":\#(id),"meterStop":91000,"timestamp":"2026-11-25T04:00:00Z"}]"#)
                        .hasPrefix(#"[3,"t""#))
            }
        }
        let transaction = try #require(try await store.transactions(station: "DEMO-A02").first)
        #expect(transaction.connector == 2)
        #expect(transaction.meterStartKWh == 1 && transaction.meterStopKWh == 91)
        #expect(try await store.bootState(station: "DEMO-A02") == .accepted)
        #expect(try await store.messageLog(station: "DEMO-A02").count == 6)
    }

    @Test func commandsGoOutThroughTheRegistryAndTheirAnswersComeBack() async throws {
        _ = try await withServer { port, server in
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/ocpp/DEMO-B03", configuration: .init(additionalHeaders: headers("DEMO-B03", protocol: "ocpp2.0.1")),
                logger: Logger(label: "station")
            ) { inbound, outbound, _ in
                var frames = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                try await outbound.write(
                    .text(#"[2,"b","BootNotification",{"chargingStation":{"model":"DC300","vendorName":"ACME"},"reason":"PowerUp"}]"#))
                _ = try await frames.next()
                async let reply = server.stations.send(
                    .v201(.requestStopTransaction(.init(transactionId: "tx-9"))), to: "DEMO-B03")
                guard case .text(let request) = try await frames.next() else { throw CancellationError() }
                #expect(request.contains(#""RequestStopTransaction""#))
                let messageId = try #require(request.firstMatch(of: /^\[2,"([^"]+)"/)?.1)
                try await outbound.write(.text(#"[3,"\#(messageId)",{"status":"Rejected"}]"#))
                guard case .outcome(.result(.v201(.requestStopTransaction(let answer)))) = await reply else {
                    Issue.record("no RequestStopTransaction result")
                    return
                }
                #expect(answer.status == .rejected)
            }
        }
    }
}

extension OCPPEndpointTests {
    @Test func presenceFollowsTheConnection() async throws {
        let store = try await withServer { port, server in
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/ocpp/DEMO-A04", configuration: .init(additionalHeaders: headers("DEMO-A04", protocol: "ocpp1.6")),
                logger: Logger(label: "station")
            ) { inbound, outbound, _ in
                var replies = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                try await outbound.write(.text(#"[2,"b","BootNotification",{"chargePointVendor":"ACME","chargePointModel":"DC150"}]"#))
                _ = try await replies.next()
                #expect(await server.stations.connectedStations == ["DEMO-A04"])
            }
            // The server notices the close on its own task; wait for the registry to let go.
            for _ in 0..<200 where await !server.stations.connectedStations.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        }
        let presence = try #require(try await store.stationPresence(depot: "demo").first { $0.station == "DEMO-A04" })
        #expect(!presence.online)
        #expect(presence.bootState == .accepted)
        #expect(presence.bootInfo == StationBootInfo(vendor: "ACME", model: "DC150"))
    }
}

extension OCPPEndpointTests {
    /// A security event lives only in the message log, so when that write fails it must be refused
    /// with InternalError (the station retries), never acknowledged (docs/reliability.md D1).
    @Test func aSecurityEventIsNotAcknowledgedWhenItsLogWriteFails() async throws {
        let database = try BusbarDatabase.inMemory()
        try await database.write { db in try db.execute(sql: "DROP TABLE ocpp_message") }
        let store = BusbarStore(database)
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [Self.demo], store: store, logger: Logger(label: "test"))
        try await server.applications[0].test(.live) { client in
            let port = try #require(client.port)
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/ocpp/DEMO-A05", configuration: .init(additionalHeaders: headers("DEMO-A05", protocol: "ocpp1.6")),
                logger: Logger(label: "station")
            ) { inbound, outbound, _ in
                var replies = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                func call(_ frame: String) async throws -> String {
                    try await outbound.write(.text(frame))
                    guard case .text(let reply) = try await replies.next() else { throw CancellationError() }
                    return reply
                }
                #expect(try await call(#"[2,"b","BootNotification",{"chargePointVendor":"ACME","chargePointModel":"DC150"}]"#).hasPrefix(#"[3,"b""#))
                let reply = try await call(
                    #"[2,"s","SecurityEventNotification",{"type":"TamperDetectionActivated","timestamp":"2026-11-24T22:00:00Z"}]"#)
                #expect(reply.hasPrefix(#"[4,"s","InternalError""#))
            }
        }
    }
}
