import DepotConfig
import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Storage
import Testing

@testable import BusbarServer

/// The live map's routes over real HTTP, assembled by the same builder as `busbar serve`: the page
/// and its assets, the layout and the event stream, for an admin and for tenants. A Hochbahn bus
/// charges in hall A and a VHH bus in hall B; a VHH token must never see the Hochbahn bus.
@Suite("Live depot map routes")
struct DepotMapRoutesTests {
    static let origin = Date(timeIntervalSince1970: 1_795_975_200)  // 2026-11-24T18:00:00Z
    static let tokens = ["TEST_MAP_ADMIN": "map-admin-token", "TEST_MAP_HOCHBAHN": "map-hochbahn-token", "TEST_MAP_VHH": "map-vhh-token"]
    static let admin = "map-admin-token"
    static let hochbahn = "map-hochbahn-token"
    static let vhh = "map-vhh-token"

    static let depot: Depot = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try! DepotFileLoader.load(path: root.appendingPathComponent("config/depots/demo.yaml").path)
    }()

    /// Runs `body` against a live server where hb-01 charges at DEMO-A01#1 and vhh-01 at DEMO-B01#1,
    /// with one power sample recorded.
    func withServer(_ body: @Sendable (Int, any TestClientProtocol) async throws -> Void) async throws {
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [Self.depot],
            store: BusbarStore(try BusbarDatabase.inMemory()),
            apiTokens: [
                APITokenSettings(token: .environment("TEST_MAP_ADMIN"), scope: .admin),
                APITokenSettings(token: .environment("TEST_MAP_HOCHBAHN"), scope: .tenant("hochbahn")),
                APITokenSettings(token: .environment("TEST_MAP_VHH"), scope: .tenant("vhh")),
            ],
            secrets: SecretResolver(environment: Self.tokens), clock: RetentionServiceTests.FixedClock(instant: Self.origin),
            logger: Logger(label: "test"))
        let controller = try #require(server.controllers["demo"])
        for (charger, token, transaction) in [("DEMO-A01", "04A2B3C40001", "hb"), ("DEMO-B01", "E28011600001", "vhh")] {
            let address = ConnectorAddress(charger: ChargerID(charger), connector: 1)
            await controller.handle(.presence(ChargerID(charger), online: true))
            await controller.handle(.connectorStatus(address, .charging, errorCode: nil))
            await controller.handle(
                .transactionStarted(address, transaction: transaction, idToken: token, meterStart: KilowattHours(0), at: Self.origin))
            await controller.handle(
                .meterSamples(
                    address, transaction: transaction,
                    [MeterSample(connector: 1, sampledAt: Self.origin, measurand: "Power.Active.Import", value: 90, unit: "kW")]))
        }
        let recorder = try #require(server.services.compactMap { $0 as? PowerRecorder }.first)
        await recorder.record()
        try await server.applications[0].test(.live) { client in
            try await body(try #require(client.port), client)
        }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)"]
    }

    @Test func thePageAndItsAssetsAreServedWithAStrictPolicy() async throws {
        try await withServer { _, client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe"))
            #expect(String(buffer: page.body).contains("/dashboard/dashboard.js"))
            for (file, type) in [("dashboard.js", "text/javascript; charset=utf-8"), ("dashboard.css", "text/css; charset=utf-8")] {
                let asset = try await client.execute(uri: "/dashboard/\(file)", method: .get)
                #expect(asset.status == .ok)
                #expect(asset.headers[.contentType] == type)
                #expect(asset.headers[.cacheControl] == "no-cache")
                let etag = try #require(asset.headers[.eTag])
                let again = try await client.execute(uri: "/dashboard/\(file)", method: .get, headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified)
                #expect(again.body.readableBytes == 0)
            }
            #expect(try await client.execute(uri: "/dashboard/secrets.txt", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/dashboard/..%2FPackage.swift", method: .get).status == .notFound)
        }
    }

    @Test func theLayoutNeedsATokenAndATenantGetsOnlyItsAreas() async throws {
        try await withServer { _, client in
            #expect(try await client.execute(uri: "/api/v1/depots/demo/layout", method: .get).status == .unauthorized)
            let wrong = try await client.execute(uri: "/api/v1/depots/demo/layout", method: .get, headers: Self.bearer("guess"))
            #expect(wrong.status == .unauthorized)
            #expect(try await client.execute(uri: "/api/v1/depots/nord/layout", method: .get, headers: Self.bearer(Self.admin)).status == .notFound)

            let whole = try Self.json(try await client.execute(uri: "/api/v1/depots/demo/layout", method: .get, headers: Self.bearer(Self.admin)))
            #expect((whole["areas"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["hall-a", "hall-b", "yard"])
            #expect((whole["areas"] as? [[String: Any]])?.compactMap { $0["use"] as? String } == ["fleet", "fleet", "public"])
            #expect((whole["chargers"] as? [[String: Any]])?.count == 20)
            #expect((whole["tenants"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["hochbahn", "vhh", "public"])
            #expect(whole["tenant"] == nil)

            let part = try Self.json(try await client.execute(uri: "/api/v1/depots/demo/layout", method: .get, headers: Self.bearer(Self.vhh)))
            #expect(part["tenant"] as? String == "vhh")
            #expect((part["areas"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["hall-b"])
            let chargers = try #require(part["chargers"] as? [[String: Any]])
            #expect(chargers.count == 9)
            #expect(chargers.allSatisfy { ($0["id"] as? String)?.hasPrefix("DEMO-B") == true })
            #expect(chargers.first?["map"] as? [String: Double] == ["x": 4, "y": 16])
            #expect((part["tenants"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["vhh"])
        }
    }

    @Test func theStreamSendsThePowerChartAndTheDepotNow() async throws {
        try await withServer { port, _ in
            let answer = try await EventStreamProbe.read(port: port, path: "/api/v1/depots/demo/stream", token: Self.admin, count: 2)
            #expect(answer.status == 200)
            #expect(answer.contentType == "text/event-stream")
            #expect(answer.events.map(\.name) == ["power", "snapshot"])
            let power = try #require(try JSONSerialization.jsonObject(with: Data(answer.events[0].data.utf8)) as? [String: Any])
            let samples = try #require(power["samples"] as? [[String: Any]])
            #expect(samples.count == 1 && samples.first?["power_kw"] as? Double == 180 && samples.first?["limit_kw"] as? Double == 700)
            #expect((power["limits"] as? [[String: Any]])?.compactMap { $0["block"] as? String } == ["peak", "night", "day"])
            let snapshot = answer.events[1].data
            #expect(snapshot.contains("\"vehicle\":\"hb-01\"") && snapshot.contains("\"vehicle\":\"vhh-01\""))
        }
    }

    @Test(arguments: [("map-vhh-token", "vhh-01", "hb-01", "DEMO-A"), ("map-hochbahn-token", "hb-01", "vhh-01", "DEMO-B")])
    func aTenantStreamNeverCarriesAnotherTenantsVehicles(token: String, own: String, foreign: String, foreignHall: String) async throws {
        try await withServer { port, _ in
            let answer = try await EventStreamProbe.read(port: port, path: "/api/v1/depots/demo/stream", token: token, count: 4)
            #expect(answer.events.map(\.name) == ["power", "snapshot", "power", "snapshot"])
            let everything = answer.events.map(\.data).joined()
            #expect(everything.contains("\"vehicle\":\"\(own)\""))
            #expect(!everything.contains(foreign))
            #expect(!everything.contains(foreignHall))
        }
    }

    @Test func theStreamNeedsAToken() async throws {
        try await withServer { port, _ in
            let answer = try await EventStreamProbe.read(port: port, path: "/api/v1/depots/demo/stream", token: nil, count: 1)
            #expect(answer.status == 401)
            #expect(answer.events.isEmpty)
        }
    }
}
