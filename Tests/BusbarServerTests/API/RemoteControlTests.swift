import BusbarServer
import DepotModel
import DepotRuntime
import DepotSimulator
import Foundation
import HTTPTypes
import Logging
import OCPP
import Testing

/// Remote start, power cap and remote stop through the API against a simulated OCPP 1.6 charger
/// on loopback, as a fleet system would drive them; another tenant can neither stop nor cap it.
@Suite("API remote control")
struct RemoteControlTests {
    /// Polls `condition` until it holds: the station and Busbar talk over real sockets, so the test
    /// waits for the answer it expects (bounded, and never asserting how long it took).
    static func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
        for _ in 0..<1_000 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("gave up waiting for \(what)")
        throw CancellationError()
    }

    /// Runs `scenario` with a simulated DEMO-A01 connected to the harness's server.
    static func withStation(_ scenario: @escaping @Sendable (APIHarness, StationClient) async throws -> Void) async throws {
        try await APIHarness.run { api in
            let station = StationClient(
                station: SimulatedStation(
                    setup: StationSetup(id: "DEMO-A01", version: .v16, connectorCount: 2, connectorMaxKW: 150),
                    password: StationPasswords.demo.password(for: "DEMO-A01"), seed: 3),
                baseURL: "ws://127.0.0.1:\(api.port)", clock: SystemClock(), seed: 3, logger: Logger(label: "station"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await station.run() }
                do {
                    try await Self.eventually("the charger online") {
                        try await api.request(.get, "/api/v1/depots/demo/chargers/DEMO-A01").object["online"] as? Bool == true
                    }
                    try await scenario(api, station)
                } catch {
                    await station.stop()
                    throw error
                }
                await station.stop()
                group.cancelAll()
            }
        }
    }

    static func bus(_ token: String) -> PluggedVehicle {
        PluggedVehicle(idToken: token, battery: SimulatedBattery(capacityKWh: 350, maxPowerKW: 150, stateOfCharge: 30))
    }

    @Test func aTenantStartsCapsAndStopsItsBusOverTheAPI() async throws {
        try await Self.withStation(Self.startCapAndStop)
    }

    /// The default enforcement holds a bus that plugs in on a bay reserved for another one within
    /// the buffer; the operator's override releases it, and the next start is not held.
    @Test func anOverrideReleasesTheBusHeldForAReservation() async throws {
        try await Self.withStation { api, station in
            let hochbahn = APIHarness.hochbahnToken
            let reservation = try await api.request(
                .post, "/api/v1/depots/demo/reservations", token: hochbahn,
                body:
                    #"{"vehicle": "hb-02", "charger": "DEMO-A01", "connector": 1, "from": "\#(APIHarness.time(hours: 0.1))", "until": "\#(APIHarness.time(hours: 3))"}"#
            )
            #expect(reservation.status == 201, "\(reservation.body)")
            let id = try #require(reservation.object["id"] as? String)
            #expect(await station.plugIn(connector: 1, vehicle: Self.bus("04A2B3C40001")) == .started)
            var held: [String: Any] = [:]
            try await Self.eventually("the held session") {
                held =
                    (try await api.request(.get, "/api/v1/depots/demo/sessions?status=active", token: hochbahn).object["sessions"]
                    as? [[String: Any]])?.first ?? [:]
                return !held.isEmpty
            }
            #expect(held["vehicle"] as? String == "hb-01")
            #expect(held["held"] as? Bool == true)

            let override = try await api.request(.post, "/api/v1/depots/demo/reservations/\(id)/override", token: hochbahn)
            #expect(override.status == 200, "\(override.body)")
            #expect(override.object["overridden"] as? Bool == true)
            let session = try #require(held["id"] as? String)
            let released = try await api.request(.get, "/api/v1/depots/demo/sessions/\(session)", token: hochbahn)
            #expect(released.object["held"] as? Bool == false)
            let live = try await api.request(.get, "/api/v1/depots/demo/live", token: hochbahn)
            let bufferStarts = (live.object["incidents"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "buffer_start" }
            #expect(bufferStarts.count == 1)
            let decision = await api.server.controllers["demo"]?.authorize(
                token: "04A2B3C40003", at: ConnectorAddress(charger: "DEMO-A01", connector: 1))
            #expect(decision?.accepted == true)
            let after = try await api.request(.get, "/api/v1/depots/demo/live", token: hochbahn)
            #expect((after.object["incidents"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "buffer_start" }.count == 1)
        }
    }

    /// Start, cap and stop once the station is connected.
    static func startCapAndStop(_ api: APIHarness, _ station: StationClient) async throws {
        let hochbahn = APIHarness.hochbahnToken
        let start = try await api.request(
            .post, "/api/v1/depots/demo/sessions", token: hochbahn, body: #"{"charger": "DEMO-A01", "connector": 1, "vehicle": "hb-01"}"#)
        #expect(start.status == 202, "\(start.body)")
        #expect(start.object["result"] as? String == "accepted")
        let plugged = await station.plugIn(connector: 1, vehicle: Self.bus("CABLE"))
        #expect(plugged == .started)

        var session = ""
        try await Self.eventually("the started session") {
            let sessions = try await api.request(.get, "/api/v1/depots/demo/sessions?status=active&vehicle=hb-01", token: hochbahn)
            session = sessions.ids("sessions").first ?? ""
            return !session.isEmpty
        }
        #expect(session.hasPrefix("DEMO-A01:"))
        let path = "/api/v1/depots/demo/sessions/\(session)"
        #expect(try await api.request(.post, "\(path)/stop", token: APIHarness.vhhToken).status == 404)
        #expect(try await api.request(.put, "\(path)/limit", token: APIHarness.vhhToken, body: #"{"max_kw": 10}"#).status == 404)
        #expect(try await api.request(.get, path, token: APIHarness.vhhToken).status == 404)

        #expect(try await api.request(.put, "\(path)/limit", token: hochbahn, body: #"{"max_kw": 40}"#).status == 204)
        let capped = try await api.request(.get, path, token: hochbahn)
        #expect(capped.object["manual_cap_kw"] as? Double == 40)
        #expect(capped.object["tenant"] as? String == "hochbahn")
        #expect(capped.object["status"] as? String == "active")

        let stop = try await api.request(.post, "\(path)/stop", token: hochbahn)
        #expect(stop.status == 202, "\(stop.body)")
        try await Self.eventually("the stopped session in the history") {
            try await api.request(.get, path, token: hochbahn).object["status"] as? String == "finished"
        }
        let finished = try await api.request(.get, "/api/v1/depots/demo/sessions?status=finished&charger=DEMO-A01", token: hochbahn)
        #expect(finished.ids("sessions") == [session])
        #expect(await station.station.connector(1)?.transaction == nil)
    }
}
