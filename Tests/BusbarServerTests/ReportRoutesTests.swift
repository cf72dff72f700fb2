import BusbarServer
import DepotConfig
import DepotModel
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Storage
import Testing

@Suite("Report routes")
struct ReportRoutesTests {
    static let adminToken = "admin-token-0123456789abcdef"
    static let fleetToken = "fleet-token-0123456789abcdef"
    static let evening = "from=2026-11-24T21:00:00Z&to=2026-11-25T00:00:00Z"

    /// One charger shared by two tenants; `fleet` charged 90 kWh from 21:30, `city` 60 kWh from 22:00.
    static let depot = Depot(
        id: "small", name: "Small depot", timeZone: TimeZone(identifier: "UTC")!, grid: GridConnection(connectionLimit: 300),
        chargers: [Charger(id: "C1", ocppVersion: .v16, connectors: [Connector(number: 1, maxPower: 150), Connector(number: 2, maxPower: 150)])],
        tenants: [
            Tenant(id: "fleet", name: "Fleet", tenantClass: .fleet, priority: 2, billing: .contract(pricePerKilowattHour: 0.25)),
            Tenant(id: "city", name: "City", tenantClass: .fleet, priority: 1),
        ],
        vehicles: [
            Vehicle(id: "bus1", tenant: "fleet", batteryCapacity: 300, maxPower: 150),
            Vehicle(id: "bus2", tenant: "city", batteryCapacity: 300, maxPower: 150),
        ])

    func withServer(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        for (connector, key, vehicle, tenant, start, kWh) in [
            (1, "1", "bus1", "fleet", 1_795_555_800.0, 90.0), (2, "2", "bus2", "city", 1_795_557_600, 60),
        ] {
            let started = Date(timeIntervalSince1970: start)
            _ = try await store.recordTransactionStart(
                depot: "small", station: "C1", key: .chosenByStation(key), connector: connector, idToken: vehicle, startedAt: started, meterStart: 0,
                receivedAt: started)
            try await store.attributeTransaction(station: "C1", key: key, vehicle: VehicleID(vehicle), tenant: TenantID(tenant))
            _ = try await store.recordTransactionStop(
                station: "C1", transactionKey: key, stoppedAt: started.addingTimeInterval(3_600), meterStop: KilowattHours(kWh), reason: nil,
                receivedAt: started, frame: "[]")
        }
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [Self.depot], store: store,
            apiTokens: [
                APITokenSettings(token: .environment("ADMIN"), scope: .admin),
                APITokenSettings(token: .environment("FLEET"), scope: .tenant("fleet")),
            ],
            secrets: SecretResolver(environment: ["ADMIN": Self.adminToken, "FLEET": Self.fleetToken]), logger: Logger(label: "test"))
        try await server.applications[0].test(.live, body)
    }

    static func get(_ path: String, token: String?, client: any TestClientProtocol) async throws -> (status: Int, type: String, body: String) {
        let headers: HTTPFields = token.map { [.authorization: "Bearer \($0)"] } ?? [:]
        return try await client.execute(uri: path, method: .get, headers: headers) { response in
            (Int(response.status.code), response.headers[.contentType] ?? "", String(buffer: response.body))
        }
    }

    static func rows(_ body: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        return try #require(object["rows"] as? [[String: Any]])
    }

    @Test func adminSeesEveryTenant() async throws {
        try await withServer { client in
            let answer = try await Self.get("/api/v1/depots/small/reports/sessions?\(Self.evening)", token: Self.adminToken, client: client)
            #expect(answer.status == 200 && answer.type == "application/json")
            #expect(try Self.rows(answer.body).map { $0["tenant"] as? String } == ["fleet", "city"])
            let city = try await Self.get("/api/v1/depots/small/reports/sessions?\(Self.evening)&tenant=city", token: Self.adminToken, client: client)
            #expect(try Self.rows(city.body).map { $0["energy_kwh"] as? Double } == [60])
        }
    }

    @Test func aTenantTokenIsHeldToItsOwnTenant() async throws {
        try await withServer { client in
            let own = try await Self.get("/api/v1/depots/small/reports/power?\(Self.evening)", token: Self.fleetToken, client: client)
            #expect(own.status == 200)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(own.body.utf8)) as? [String: Any])
            #expect((object["filters"] as? [String: Any])?["tenant"] as? String == "fleet")
            #expect((object["totals"] as? [String: Any])?["energy_kwh"] as? Double == 90)
            let other = try await Self.get(
                "/api/v1/depots/small/reports/sessions?\(Self.evening)&tenant=city", token: Self.fleetToken, client: client)
            #expect(other.status == 404)
            #expect(!other.body.contains("bus2"))
        }
    }

    @Test func csvHasItsContentTypeAndAHeaderRow() async throws {
        try await withServer { client in
            let answer = try await Self.get(
                "/api/v1/depots/small/reports/chargers?\(Self.evening)&format=csv", token: Self.fleetToken, client: client)
            #expect(answer.status == 200)
            #expect(answer.type == "text/csv; charset=utf-8")
            #expect(
                answer.body
                    == "charger,online_pct,offline_h,faults,fault_h,sessions,active_h,utilisation_pct,energy_kwh\r\nC1,0.0,3.0,0,0.0,1,1.0,33.33,90.0\r\n"
            )
        }
    }

    @Test(
        arguments: [
            ("/api/v1/depots/small/reports/sessions", nil, 401),
            ("/api/v1/depots/elsewhere/reports/sessions", adminToken, 404),
            ("/api/v1/depots/small/reports/energy", adminToken, 404),
            ("/api/v1/depots/small/reports/sessions?tenant=nobody", adminToken, 404),
            ("/api/v1/depots/small/reports/sessions?from=yesterday", adminToken, 400),
            ("/api/v1/depots/small/reports/sessions?format=xml", adminToken, 400),
            ("/api/v1/depots/small/reports/sessions?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z", adminToken, 400),
        ] as [(String, String?, Int)])
    func badRequestsAreRefused(path: String, token: String?, status: Int) async throws {
        try await withServer { client in
            let answer = try await Self.get(path, token: token, client: client)
            #expect(answer.status == status)
        }
    }
}
