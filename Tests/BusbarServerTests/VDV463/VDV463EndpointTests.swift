import BusbarServer
import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import NIOCore
import Storage
import Testing

/// The VDV 463 endpoint over real loopback WebSockets, assembled by the same builder as `busbar serve`,
/// on a clock 20 times faster than real time so the 15 s reports arrive every 0.75 s.
@Suite("VDV 463 endpoint over WebSockets")
struct VDV463EndpointTests {
    static let hochbahn = VDVTestDepot.hochbahn
    static let vhh = VDVTestDepot.vhh
    static let origin = Date(timeIntervalSince1970: 1_795_975_200)  // 2026-11-24T18:00:00Z

    /// A departure in the accelerated clock's future.
    static func time(hours: Double) -> String {
        ISO8601DateFormatter().string(from: origin.addingTimeInterval(hours * 3600))
    }

    /// One charging request of the demo's Hochbahn bus hb-01 (or another vehicle id) at point A01/1.
    static func chargingRequest(_ id: String, vehicle: String = "WEB62830410000001", point: String = "demo/DEMO-A01/1") -> String {
        #"{"chargingRequestId":"\#(id)","vehicleId":"\#(vehicle)","chargingPointId":"\#(point)","priority":2,"#
            + #""chargingRequestData":{"expectedArrivalTimeAtChargingPoint":"\#(time(hours: 2))","expectedSocAtArrival":30,"#
            + #""minTargetSoc":75,"maxTargetSoc":95,"requestedTimeForDeparture":"\#(time(hours: 10))"},"#
            + #""automaticPreconditioning":{"preconditioningRequest":"HotWaterAndHeating","requestedFinishTime":"\#(time(hours: 10))"}}"#
    }

    static let boot = #"{"presystem":"BMS"}"#

    /// Runs `body` against a live server with the accelerated clock.
    func withServer(_ body: @Sendable (Int, BusbarApplication, any TestClientProtocol) async throws -> Void) async throws {
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [VDVTestDepot.depot],
            store: BusbarStore(try BusbarDatabase.inMemory()),
            secrets: VDVTestDepot.secrets, clock: AcceleratedClock(origin: Self.origin, factor: 20),
            logger: Logger(label: "test"))
        try await server.applications[0].test(.live) { client in
            try await body(try #require(client.port), server, client)
        }
    }

    /// Connects as a presystem and runs a script with it.
    func connect(
        port: Int, as credentials: (presystem: String, user: String, password: String), subprotocol: String = "v1.463.vdv.de",
        _ script: @escaping @Sendable (inout PresystemPeer) async throws -> Void
    ) async throws {
        let headers: HTTPFields = [
            .authorization: "Basic " + Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString(),
            .secWebSocketProtocol: subprotocol,
        ]
        try await WebSocketClient.connect(
            url: "ws://127.0.0.1:\(port)/vdv463", configuration: .init(additionalHeaders: headers), logger: Logger(label: "presystem")
        ) { inbound, outbound, _ in
            var peer = PresystemPeer(presystemId: credentials.presystem, inbound: inbound, outbound: outbound)
            try await script(&peer)
        }
    }

    @Test func requestsBeforeBootGetAnErrorThenBootStartsTheReports() async throws {
        try await withServer { port, _, _ in
            try await connect(port: port, as: Self.hochbahn) { peer in
                let early = try await peer.call(peer.request("ProvideChargingRequests", #"{"chargingRequestList":[]}"#))
                #expect(early.type == 3)
                #expect(early.payload["errorMessage"] as? String == "BootNotification required")
                let boot = try await peer.call(peer.request("BootNotification", Self.boot))
                #expect(boot.type == 2 && boot.payload["status"] as? String == "Accepted")
                #expect(boot.presystemId == Self.hochbahn.presystem)
                let report = try await peer.nextChargingInformation()
                #expect(report.pointIds.contains("demo/DEMO-A01/1"))
            }
        }
    }

    @Test func aBootForAnotherPresystemIsRejectedAndTheSocketClosed() async throws {
        try await withServer { port, _, _ in
            try await connect(port: port, as: Self.hochbahn) { peer in
                let foreign = PresystemPeer.request(presystemId: "urn:someone-else", "BootNotification", Self.boot)
                let boot = try await peer.call(foreign)
                #expect(boot.type == 2 && boot.payload["status"] as? String == "Rejected")
                await #expect(throws: (any Error).self) { _ = try await peer.nextChargingInformation() }
            }
        }
    }

    @Test func reportsArriveOnTheClockCadence() async throws {
        try await withServer { port, _, _ in
            try await connect(port: port, as: Self.hochbahn) { peer in
                _ = try await peer.call(peer.request("BootNotification", Self.boot))
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
                var stamps: [Date] = []
                for _ in 0..<3 {
                    let report = try await peer.nextChargingInformation()
                    stamps.append(try #require(formatter.date(from: report.timeStamp)))
                }
                // The first report follows the boot at once, the next ones every 15 s of clock time, never
                // every tick of the clock. Each is stamped when its payload is built, a moment after its
                // slot — on a loaded machine a few clock seconds — so an interval can be short by that much.
                #expect(stamps[1].timeIntervalSince(stamps[0]) > 10)
                #expect(stamps[2].timeIntervalSince(stamps[1]) > 10)
            }
        }
    }

    @Test func aListIsStoredWholeBeforeItIsConfirmedAndRefusalsAreReported() async throws {
        try await withServer { port, server, _ in
            let controller = try #require(server.controllers["demo"])
            try await connect(port: port, as: Self.hochbahn) { peer in
                _ = try await peer.call(peer.request("BootNotification", Self.boot))
                let list = [Self.chargingRequest("CR-1"), Self.chargingRequest("CR-2", vehicle: "NOT-A-BUS")].joined(separator: ",")
                let confirmation = try await peer.call(peer.request("ProvideChargingRequests", #"{"chargingRequestList":[\#(list)]}"#))
                #expect(confirmation.type == 2)
                // Stored before the confirmation went out.
                let stays = await controller.snapshot(tenant: "hochbahn").stays.filter { $0.source == .vdv463(presystemID: Self.hochbahn.presystem) }
                #expect(stays.map(\.vehicle) == ["hb-01"])
                #expect(stays.first?.minTargetSoC == Percent(75) && stays.first?.maxTargetSoC == Percent(95) && stays.first?.bay == "A01-1")
                let report = try await peer.nextChargingInformation()
                #expect(report.rejectedRequestIds == ["CR-2"])
                #expect(report.scheduledRequestIds == ["CR-1"])
                // After a planning round the scheduled process carries the plan's forecast for the stay.
                await controller.tick()
                let planned = try await peer.nextChargingInformation()
                let process = try #require(planned.scheduledProcesses.first)
                let prediction = try #require(process["chargingPredictionData"] as? [String: Any])
                let departure = try #require(prediction["chargingPredictionDataDepartureTime"] as? [String: Any])
                #expect(departure["requestedTimeForDeparture"] as? String == Self.time(hours: 10).replacingOccurrences(of: "Z", with: ".000Z"))
                #expect((departure["predictedDepartureTimeSoc"] as? Double).map { $0 >= 75 } == true)
                let progress = try #require(prediction["chargingProgressPredictionList"] as? [[String: Any]])
                #expect(!progress.isEmpty && progress.count <= 24)
            }
        }
    }

    @Test(arguments: [
        ("duplicate", "duplicate chargingRequestId CR-1"),
        ("no departure", "CR-3: requestedTimeForDeparture is required"),
    ])
    func aListRefusedAsAWholeChangesNothing(case name: String, expected: String) async throws {
        try await withServer { port, server, _ in
            let controller = try #require(server.controllers["demo"])
            try await connect(port: port, as: Self.hochbahn) { peer in
                _ = try await peer.call(peer.request("BootNotification", Self.boot))
                _ = try await peer.call(peer.request("ProvideChargingRequests", #"{"chargingRequestList":[\#(Self.chargingRequest("CR-1"))]}"#))
                let list =
                    name == "duplicate"
                    ? [Self.chargingRequest("CR-1"), Self.chargingRequest("CR-1")]
                    : [
                        Self.chargingRequest("CR-1", vehicle: "WEB62830410000002"),
                        #"{"chargingRequestId":"CR-3","vehicleId":"WEB62830410000003","chargingRequestData":{"minTargetSoc":70,"maxTargetSoc":90}}"#,
                    ]
                let answer = try await peer.call(
                    peer.request("ProvideChargingRequests", #"{"chargingRequestList":[\#(list.joined(separator: ","))]}"#))
                #expect(answer.type == 3)
                #expect((answer.payload["errorMessage"] as? String)?.contains(expected) == true)
                let stays = await controller.snapshot(tenant: "hochbahn").stays.filter { $0.source == .vdv463(presystemID: Self.hochbahn.presystem) }
                #expect(stays.map(\.vehicle) == ["hb-01"])
            }
        }
    }

    @Test(arguments: [
        ("hochbahn-bms", "wrong", "v1.463.vdv.de"), ("nobody", "Hochbahn-VDV-secret-1", "v1.463.vdv.de"),
        ("hochbahn-bms", "Hochbahn-VDV-secret-1", "ocpp1.6"),
    ])
    func anUpgradeWithWrongCredentialsOrSubprotocolIsRefused(user: String, password: String, subprotocol: String) async throws {
        try await withServer { port, _, _ in
            await #expect(throws: (any Error).self) {
                try await connect(port: port, as: (Self.hochbahn.presystem, user, password), subprotocol: subprotocol) { peer in
                    _ = try await peer.call(peer.request("BootNotification", Self.boot))
                }
            }
        }
    }

    @Test func twoPresystemsSeeOnlyTheirOwnTenant() async throws {
        try await withServer { port, server, _ in
            let controller = try #require(server.controllers["demo"])
            try await connect(port: port, as: Self.hochbahn) { hochbahn in
                _ = try await hochbahn.call(hochbahn.request("BootNotification", Self.boot))
                _ = try await hochbahn.call(
                    hochbahn.request("ProvideChargingRequests", #"{"chargingRequestList":[\#(Self.chargingRequest("CR-1"))]}"#))
                try await connect(port: port, as: Self.vhh) { vhh in
                    _ = try await vhh.call(vhh.request("BootNotification", #"{"presystem":"ITCS"}"#))
                    let foreign = [
                        Self.chargingRequest("V-1", vehicle: "WEB62830410000002", point: "demo/DEMO-B01/1"),
                        Self.chargingRequest("V-2", vehicle: "SUU2415V000000001", point: "demo/DEMO-A02/1"),
                        Self.chargingRequest("V-3", vehicle: "SUU2415V000000001", point: "demo/DEMO-B01/1"),
                    ]
                    let confirmation = try await vhh.call(
                        vhh.request("ProvideChargingRequests", #"{"chargingRequestList":[\#(foreign.joined(separator: ","))]}"#))
                    #expect(confirmation.type == 2)
                    let report = try await vhh.nextChargingInformation()
                    #expect(report.presystemId == Self.vhh.presystem)
                    #expect(!report.pointIds.isEmpty && report.pointIds.allSatisfy { $0.hasPrefix("demo/DEMO-B") })
                    #expect(report.rejectedRequestIds == ["V-1", "V-2"])
                    #expect(report.scheduledRequestIds == ["V-3"])
                }
                let report = try await hochbahn.nextChargingInformation()
                #expect(report.pointIds.allSatisfy { $0.hasPrefix("demo/DEMO-A") })
                #expect(report.scheduledRequestIds == ["CR-1"])
            }
            let vhhStays = await controller.snapshot(tenant: "vhh").stays.filter { $0.source == .vdv463(presystemID: Self.vhh.presystem) }
            #expect(vhhStays.map(\.vehicle) == ["vhh-01"])
        }
    }

    @Test func aSecondConnectionWithTheSameCredentialsReplacesTheFirst() async throws {
        try await withServer { port, _, _ in
            try await connect(port: port, as: Self.hochbahn) { first in
                _ = try await first.call(first.request("BootNotification", Self.boot))
                _ = try await first.call(first.request("ProvideChargingRequests", #"{"chargingRequestList":[\#(Self.chargingRequest("CR-1"))]}"#))
                try await connect(port: port, as: Self.hochbahn) { second in
                    _ = try await second.call(second.request("BootNotification", Self.boot))
                    // The new connection starts from what the first one committed.
                    #expect(try await second.nextChargingInformation().scheduledRequestIds == ["CR-1"])
                }
                // The first socket was closed by the server: reading from it ends.
                await #expect(throws: (any Error).self) {
                    while true { _ = try await first.nextChargingInformation() }
                }
            }
        }
    }
}

extension VDV463EndpointTests {
    @Test func aPluggedInBusIsReportedWithItsProcessRequestAndVDV261Data() async throws {
        try await withServer { port, _, client in
            let station = "DEMO-A01"
            let headers: HTTPFields = [
                .authorization: "Basic " + Data("\(station):\(UpgradeCheckTests.demoPassword(station))".utf8).base64EncodedString(),
                .secWebSocketProtocol: "ocpp1.6",
            ]
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/ocpp/\(station)", configuration: .init(additionalHeaders: headers), logger: Logger(label: "station")
            ) { inbound, outbound, _ in
                var replies = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                func call(_ id: String, _ frame: String) async throws {
                    try await outbound.write(.text(frame))
                    while case .text(let reply) = try await replies.next(), !reply.hasPrefix(#"[3,"\#(id)""#) {}
                }
                try await call("b", #"[2,"b","BootNotification",{"chargePointVendor":"ACME","chargePointModel":"DC150"}]"#)
                try await call(
                    "s",
                    #"[2,"s","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Charging","timestamp":"2026-11-24T18:00:00Z"}]"#)
                try await call(
                    "t", #"[2,"t","StartTransaction",{"connectorId":1,"idTag":"04A2B3C40001","meterStart":1000,"timestamp":"2026-11-24T18:00:00Z"}]"#)
                let vdv261 = try await client.execute(
                    uri: "/vdv261/v2icp/messages", method: .post,
                    headers: [
                        .authorization: "Basic " + Data("\(VDVTestDepot.hb01.vin):\(VDVTestDepot.hb01.password)".utf8).base64EncodedString(),
                        .contentType: "application/json",
                    ],
                    body: ByteBuffer(
                        string:
                            #"{"seq": 0, "vin": "WEB62830410000001", "evccid": "001A2B3C4D60", "odo": 288140, "bat_reqtime": 25, "prec_reqtime": 35}"#
                    ))
                #expect(vdv261.status == .ok)
                try await connect(port: port, as: Self.hochbahn) { peer in
                    _ = try await peer.call(peer.request("BootNotification", Self.boot))
                    _ = try await peer.call(peer.request("ProvideChargingRequests", #"{"chargingRequestList":[\#(Self.chargingRequest("CR-1"))]}"#))
                    let report = try await peer.nextChargingInformation()
                    let point = try #require(report.points.first { $0["chargingPointId"] as? String == "demo/DEMO-A01/1" })
                    #expect(point["chargingPointStatus"] as? String == "Occupied")
                    let vehicle = try #require(point["vehicleInfo"] as? [String: Any])
                    #expect(vehicle["vehicleId"] as? String == "WEB62830410000001")
                    #expect(vehicle["vehicleChargingStatus"] as? String == "Charging")
                    // What the bus posted over VDV 261 during this plug-in (docs/vdv.md B5).
                    #expect(vehicle["evccId"] as? String == "001A2B3C4D60" && vehicle["mileage"] as? Int == 288140)
                    let preconditioning = try #require(vehicle["preconditioningInfo"] as? [String: Any])
                    #expect(
                        preconditioning["hvBatteryPreconditioningTime"] as? Int == 25 && preconditioning["vehiclePreconditioningTime"] as? Int == 35)
                    let process = try #require(point["chargingProcessInfo"] as? [String: Any])
                    #expect(process["processStatus"] as? String == "Charging")
                    #expect(process["presystemId"] as? String == Self.hochbahn.presystem)
                    #expect(process["chargingRequestId"] as? String == "CR-1")
                    // A plugged-in bus is no longer a scheduled process.
                    #expect(report.scheduledRequestIds.isEmpty)
                }
            }
        }
    }
}
