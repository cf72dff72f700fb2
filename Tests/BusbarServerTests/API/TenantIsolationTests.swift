import BusbarServer
import Foundation
import HTTPTypes
import Testing

/// Tenant isolation over every route (docs/reliability.md §4.2): for each operation, no token and a
/// wrong token answer 401; tenant A (Hochbahn) gets 404 for tenant B's (VHH) objects, also when
/// B's ids stand in a request body, and its writes leave B's objects unchanged; B and the admin
/// get what they own. A list shows A none of B's objects. The table must cover every registered
/// operation, so a new route cannot go untested.
@Suite("Tenant isolation")
struct TenantIsolationTests {
    /// One operation probed with the three tokens.
    struct Case: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        /// The documented path, for the coverage check.
        let operation: String
        /// The concrete path with tenant B's ids.
        let path: String
        /// The body B and the admin send; A sends `intruderBody` (B's ids in it) or this one.
        var body: String? = nil
        var intruderBody: String? = nil
        var contentType = "application/json"
        /// What A, B and the admin get (the admin's nil: not asked, e.g. after B deleted the object).
        let intruder: Int
        let owner: Int
        let admin: Int?
        /// Text of B's that must not appear in A's answer.
        var hidden: [String] = []

        var description: String { "\(method) \(path)" }
    }

    static func cases(_ a: APIFixtures.Objects, _ b: APIFixtures.Objects) -> [Case] {
        let depot = "/api/v1/depots/demo"
        let stay =
            #"{"vehicle": "\#(b.vehicle)", "arrival": "\#(APIHarness.time(hours: 5))", "departure": "\#(APIHarness.time(hours: 12))", "target_soc": 80}"#
        let csv = "vehicle,arrival,departure,target_soc\n\(b.otherVehicle),\(APIHarness.time(hours: 30)),\(APIHarness.time(hours: 38)),85\n"
        let reservation =
            #"{"vehicle": "\#(b.otherVehicle)", "charger": "\#(b.charger)", "connector": 2, "from": "\#(APIHarness.tomorrow(at: "10:00"))", "until": "\#(APIHarness.tomorrow(at: "14:00"))"}"#
        return [
            Case(method: .get, operation: "/api/v1/depots", path: "/api/v1/depots", intruder: 200, owner: 200, admin: 200, hidden: [#""id":"vhh""#]),
            Case(method: .get, operation: "/api/v1/depots/{depotId}", path: depot, intruder: 200, owner: 200, admin: 200, hidden: [#""id":"vhh""#]),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/live", path: "\(depot)/live", intruder: 200, owner: 200, admin: 200,
                hidden: [b.entry, b.reservation]),
            Case(method: .get, operation: "/api/v1/depots/{depotId}/status", path: "\(depot)/status", intruder: 200, owner: 200, admin: 200),
            Case(method: .post, operation: "/api/v1/reload", path: "/api/v1/reload", intruder: 403, owner: 403, admin: 200),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/chargers", path: "\(depot)/chargers", intruder: 200, owner: 200, admin: 200,
                hidden: [b.charger]),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/chargers/{chargerId}", path: "\(depot)/chargers/\(b.charger)", intruder: 404,
                owner: 200, admin: 200),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/chargers/{chargerId}/messages", path: "\(depot)/chargers/\(b.charger)/messages",
                intruder: 403, owner: 403, admin: 200),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/sessions", path: "\(depot)/sessions", intruder: 200, owner: 200, admin: 200,
                hidden: [b.session]),
            Case(
                method: .post, operation: "/api/v1/depots/{depotId}/sessions", path: "\(depot)/sessions",
                body: #"{"charger": "\#(b.charger)", "connector": 1, "vehicle": "\#(b.vehicle)"}"#,
                intruderBody: #"{"charger": "\#(a.charger)", "connector": 1, "vehicle": "\#(b.vehicle)"}"#, intruder: 404, owner: 502, admin: 502),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/sessions/{sessionId}", path: "\(depot)/sessions/\(b.session)", intruder: 404,
                owner: 200, admin: 200),
            Case(
                method: .post, operation: "/api/v1/depots/{depotId}/sessions/{sessionId}/stop", path: "\(depot)/sessions/\(b.session)/stop",
                intruder: 404, owner: 404, admin: 404),
            Case(
                method: .put, operation: "/api/v1/depots/{depotId}/sessions/{sessionId}/limit", path: "\(depot)/sessions/\(b.session)/limit",
                body: #"{"max_kw": 20}"#, intruder: 404, owner: 404, admin: 404),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/timetable", path: "\(depot)/timetable", intruder: 200, owner: 200, admin: 200,
                hidden: [b.entry, b.spareEntry]),
            Case(
                method: .post, operation: "/api/v1/depots/{depotId}/timetable", path: "\(depot)/timetable", body: stay, intruder: 404, owner: 201,
                admin: 201),
            Case(
                method: .post, operation: "/api/v1/depots/{depotId}/timetable/import", path: "\(depot)/timetable/import?mode=all", body: csv,
                contentType: "text/csv", intruder: 422, owner: 201, admin: 201),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/timetable/{entryId}", path: "\(depot)/timetable/\(b.entry)", intruder: 404,
                owner: 200, admin: 200),
            Case(
                method: .put, operation: "/api/v1/depots/{depotId}/timetable/{entryId}", path: "\(depot)/timetable/\(b.entry)", body: stay,
                intruderBody: stay.replacingOccurrences(of: b.vehicle, with: a.vehicle), intruder: 404, owner: 200, admin: 200),
            Case(
                method: .delete, operation: "/api/v1/depots/{depotId}/timetable/{entryId}", path: "\(depot)/timetable/\(b.spareEntry)", intruder: 404,
                owner: 204, admin: nil),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/reservations", path: "\(depot)/reservations", intruder: 200, owner: 200,
                admin: 200,
                hidden: [b.reservation, b.spareReservation]),
            Case(
                method: .post, operation: "/api/v1/depots/{depotId}/reservations", path: "\(depot)/reservations", body: reservation,
                intruderBody: reservation.replacingOccurrences(of: b.otherVehicle, with: a.otherVehicle), intruder: 404, owner: 201, admin: 409),
            Case(
                method: .delete, operation: "/api/v1/depots/{depotId}/reservations/{reservationId}",
                path: "\(depot)/reservations/\(b.spareReservation)",
                intruder: 404, owner: 204, admin: nil),
            Case(
                method: .post, operation: "/api/v1/depots/{depotId}/reservations/{reservationId}/override",
                path: "\(depot)/reservations/\(b.reservation)/override", intruder: 404, owner: 200, admin: 200),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/vehicles", path: "\(depot)/vehicles", intruder: 200, owner: 200, admin: 200,
                hidden: [b.vehicle]),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/vehicles/{vehicleId}", path: "\(depot)/vehicles/\(b.vehicle)", intruder: 404,
                owner: 200, admin: 200),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/events", path: "\(depot)/events", intruder: 200, owner: 200, admin: 200,
                hidden: [#""tenant":"vhh""#]),
            Case(
                method: .post, operation: "/api/v1/depots/{depotId}/events/{eventId}/ack", path: "\(depot)/events/\(b.event)/ack", intruder: 404,
                owner: 200, admin: 200),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/notifications", path: "\(depot)/notifications", intruder: 200, owner: 200,
                admin: 200,
                hidden: [#""tenant":"vhh""#]),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/decisions", path: "\(depot)/decisions", intruder: 200, owner: 200, admin: 200,
                hidden: [b.decision]),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/decisions/{decisionId}", path: "\(depot)/decisions/\(b.decision)", intruder: 404,
                owner: 200, admin: 200),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/plan", path: "\(depot)/plan", intruder: 200, owner: 200, admin: 200,
                hidden: [b.vehicle]),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/reports/{report}", path: "\(depot)/reports/sessions?tenant=vhh",
                intruder: 404, owner: 200, admin: 200),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/reports/{report}", path: "\(depot)/reports/power?format=csv",
                intruder: 200, owner: 200, admin: 200),
            Case(
                method: .get, operation: "/api/v1/depots/{depotId}/layout", path: "\(depot)/layout", intruder: 200, owner: 200, admin: 200,
                hidden: [b.charger]),
            Case(
                method: .post, operation: "/api/v1/stations/{stationId}/calls", path: "/api/v1/stations/\(b.charger)/calls",
                body: #"{"action": "Reset", "payload": {"type": "Soft"}}"#, intruder: 403, owner: 403, admin: 404),
        ]
    }

    /// The depot as the admin sees it, to show an intruder's write changed nothing.
    static func state(_ api: APIHarness) async throws -> [String] {
        var bodies: [String] = []
        for path in ["timetable", "reservations", "events", "notifications", "sessions"] {
            bodies.append(try await api.request(.get, "/api/v1/depots/demo/\(path)").body)
        }
        return bodies
    }

    @Test func everyRouteSeparatesTheTenants() async throws {
        try await APIHarness.run { api in
            let fixtures = try await APIFixtures.make(api)
            let cases = Self.cases(fixtures.hochbahn, fixtures.vhh)
            let covered = Set(cases.map { APIOperation(method: $0.method.rawValue, path: $0.operation) })
            let public_ = APIOperation(method: "GET", path: "/openapi.yaml")
            // The map's event stream never ends, so it is probed with its own reader in
            // DepotMapRoutesTests (401, and each tenant's stream without the other's vehicles).
            let streamed = APIOperation(method: "GET", path: "/api/v1/depots/{depotId}/stream")
            #expect(covered.union([public_, streamed]) == Set(api.server.apiOperations), "the table must probe every registered operation")

            for probe in cases {
                let anonymous = try await api.request(probe.method, probe.path, token: nil, body: probe.body, contentType: probe.contentType)
                #expect(anonymous.status == 401, "\(probe) without a token")
                #expect(anonymous.contentType == "application/problem+json", "\(probe) without a token")
                let wrong = try await api.request(probe.method, probe.path, token: "not-a-token", body: probe.body, contentType: probe.contentType)
                #expect(wrong.status == 401, "\(probe) with a wrong token")

                let before = try await Self.state(api)
                let intruder = try await api.request(
                    probe.method, probe.path, token: APIHarness.hochbahnToken, body: probe.intruderBody ?? probe.body, contentType: probe.contentType)
                #expect(intruder.status == probe.intruder, "\(probe) as tenant A: \(intruder.body)")
                for text in probe.hidden { #expect(!intruder.body.contains(text), "\(probe) shows tenant A \(text)") }
                if probe.method != .get {
                    #expect(try await Self.state(api) == before, "\(probe) as tenant A changed the depot")
                }

                let owner = try await api.request(
                    probe.method, probe.path, token: APIHarness.vhhToken, body: probe.body, contentType: probe.contentType)
                #expect(owner.status == probe.owner, "\(probe) as tenant B: \(owner.body)")
                if probe.owner == 200, probe.method == .get {
                    for text in probe.hidden where !text.hasPrefix("\"") {
                        #expect(owner.body.contains(text), "\(probe) hides \(text) from its owner")
                    }
                }
                if let expected = probe.admin {
                    let admin = try await api.request(probe.method, probe.path, body: probe.body, contentType: probe.contentType)
                    #expect(admin.status == expected, "\(probe) as admin: \(admin.body)")
                }
            }
        }
    }

    @Test func anUnknownDepotIsNotFoundForEveryone() async throws {
        try await APIHarness.run { api in
            for token in [APIHarness.adminToken, APIHarness.hochbahnToken] {
                let answer = try await api.request(.get, "/api/v1/depots/nowhere/sessions", token: token)
                #expect(answer.status == 404)
                #expect(answer.object["title"] as? String == "no depot nowhere")
            }
        }
    }
}
