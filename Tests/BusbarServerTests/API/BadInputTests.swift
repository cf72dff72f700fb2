import DepotModel
import Foundation
import HTTPTypes
import Storage
import Testing

/// Bad input on every write route (and the query values of the reads) answers problem details
/// with the right status: 400 malformed, 404 unknown ids, 409 conflicts, 415 wrong media type,
/// 422 out-of-range or contradictory values.
@Suite("API bad input")
struct BadInputTests {
    /// One bad request and the status it must get.
    struct Case: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        var body: String? = nil
        var contentType = "application/json"
        let status: Int
        let why: String

        var description: String { "\(why): \(method) \(path)" }
    }

    static func stay(vehicle: String = "hb-01", from: Double = 2, to: Double = 9, extra: String = "") -> String {
        #"{"vehicle": "\#(vehicle)", "arrival": "\#(APIHarness.time(hours: from))", "departure": "\#(APIHarness.time(hours: to))", "target_soc": 90\#(extra)}"#
    }

    static func reservation(charger: String = "DEMO-A01", connector: Int = 1, from: Double = 2, to: Double = 6) -> String {
        #"{"vehicle": "hb-01", "charger": "\#(charger)", "connector": \#(connector), "from": "\#(APIHarness.time(hours: from))", "until": "\#(APIHarness.time(hours: to))"}"#
    }

    /// The cases, given a depot-file stay, its bay reservation, an API reservation, a cancelled one and a resolved event.
    static func cases(fileEntry: String, bayReservation: String, reserved: String, cancelled: String, resolvedEvent: Int64) -> [Case] {
        let depot = "/api/v1/depots/demo"
        return [
            Case(method: .get, path: "\(depot)/sessions?limit=0", status: 400, why: "limit out of range"),
            Case(method: .get, path: "\(depot)/sessions?from=yesterday", status: 400, why: "a time that is not ISO 8601"),
            Case(method: .get, path: "\(depot)/sessions?status=paused", status: 400, why: "an unknown status"),
            Case(method: .get, path: "\(depot)/events?status=closed", status: 400, why: "an unknown event status"),
            Case(method: .get, path: "\(depot)/decisions?domain=pricing", status: 400, why: "an unknown domain"),
            Case(method: .get, path: "\(depot)/decisions/not-a-uuid", status: 404, why: "an unknown decision"),
            Case(method: .get, path: "\(depot)/sessions/DEMO-A01:none", status: 404, why: "an unknown session"),
            Case(method: .get, path: "\(depot)/vehicles/bus-999", status: 404, why: "an unknown vehicle"),
            Case(method: .get, path: "\(depot)/chargers/NOPE", status: 404, why: "an unknown charger"),

            Case(method: .post, path: "\(depot)/sessions", body: "{charger: DEMO-A01", status: 400, why: "invalid JSON"),
            Case(
                method: .post, path: "\(depot)/sessions", body: #"{"charger": "DEMO-A01", "connector": 1}"#, status: 400,
                why: "neither token nor vehicle"),
            Case(
                method: .post, path: "\(depot)/sessions", body: #"{"charger": "DEMO-A01", "connector": "one", "id_token": "X"}"#, status: 400,
                why: "a wrong type"),
            Case(
                method: .post, path: "\(depot)/sessions", body: #"{"charger": "NOPE", "connector": 1, "vehicle": "hb-01"}"#, status: 404,
                why: "an unknown charger"),
            Case(
                method: .post, path: "\(depot)/sessions", body: #"{"charger": "DEMO-A01", "connector": 9, "vehicle": "hb-01"}"#, status: 404,
                why: "an unknown connector"),
            Case(
                method: .post, path: "\(depot)/sessions", body: #"{"charger": "DEMO-A01", "connector": 1, "vehicle": "bus-999"}"#, status: 404,
                why: "an unknown vehicle"),

            Case(method: .put, path: "\(depot)/sessions/DEMO-A01:none/limit", body: #"{"max_kw": "fast"}"#, status: 400, why: "a wrong type"),
            Case(method: .put, path: "\(depot)/sessions/DEMO-A01:none/limit", body: #"{"max_kw": -5}"#, status: 422, why: "a negative cap"),
            Case(method: .put, path: "\(depot)/sessions/DEMO-A01:none/limit", body: #"{"max_kw": 40}"#, status: 404, why: "an unknown session"),
            Case(method: .post, path: "\(depot)/sessions/DEMO-A01:none/stop", status: 404, why: "an unknown session"),

            Case(method: .post, path: "\(depot)/timetable", body: "[1, 2", status: 400, why: "invalid JSON"),
            Case(
                method: .post, path: "\(depot)/timetable", body: "[" + String(repeating: "1,", count: 600_000) + "1]", status: 413,
                why: "a body above 1 MiB"),
            Case(method: .post, path: "\(depot)/timetable", body: #"{"vehicle": "hb-01"}"#, status: 400, why: "missing fields"),
            Case(method: .post, path: "\(depot)/timetable", body: stay(vehicle: "bus-999"), status: 404, why: "an unknown vehicle"),
            Case(method: .post, path: "\(depot)/timetable", body: stay(from: 9, to: 2), status: 422, why: "departure before arrival"),
            Case(method: .post, path: "\(depot)/timetable", body: stay(extra: #", "max_target_soc": 150"#), status: 422, why: "a SoC above 100"),
            Case(method: .post, path: "\(depot)/timetable", body: stay(extra: #", "min_target_soc": 95"#), status: 422, why: "min above target"),
            Case(method: .post, path: "\(depot)/timetable", body: stay(extra: #", "bay": "Z99"#), status: 400, why: "a string left open"),
            Case(method: .post, path: "\(depot)/timetable", body: stay(extra: #", "bay": "Z99""#), status: 404, why: "an unknown bay"),
            Case(
                method: .post, path: "\(depot)/timetable", body: stay(extra: #", "bay": "B01-1""#), status: 404,
                why: "a bay outside the tenant's areas"),
            Case(method: .put, path: "\(depot)/timetable/nope", body: stay(), status: 404, why: "an unknown entry"),
            Case(method: .put, path: "\(depot)/timetable/\(fileEntry)", body: stay(), status: 409, why: "a depot-file entry"),
            Case(method: .delete, path: "\(depot)/timetable/nope", status: 404, why: "an unknown entry"),
            Case(method: .delete, path: "\(depot)/timetable/\(fileEntry)", status: 409, why: "a depot-file entry"),
            Case(
                method: .post, path: "\(depot)/timetable/import", body: "vehicle,arrival\n", contentType: "application/json", status: 415,
                why: "not CSV"),
            Case(
                method: .post, path: "\(depot)/timetable/import", body: "vehicle,arrival\nhb-01,x\n", contentType: "text/csv", status: 400,
                why: "a header without required columns"),
            Case(
                method: .post, path: "\(depot)/timetable/import", body: "vehicle,arrival,departure,target_soc,colour\n", contentType: "text/csv",
                status: 400, why: "an unknown column"),
            Case(
                method: .post, path: "\(depot)/timetable/import?mode=some", body: "vehicle,arrival,departure,target_soc\n", contentType: "text/csv",
                status: 400, why: "an unknown mode"),

            Case(method: .post, path: "\(depot)/reservations", body: "{", status: 400, why: "invalid JSON"),
            Case(method: .post, path: "\(depot)/reservations", body: reservation(charger: "NOPE"), status: 404, why: "an unknown charger"),
            Case(method: .post, path: "\(depot)/reservations", body: reservation(connector: 7), status: 404, why: "an unknown connector"),
            Case(method: .post, path: "\(depot)/reservations", body: reservation(from: 6, to: 2), status: 422, why: "until before from"),
            Case(method: .post, path: "\(depot)/reservations", body: reservation(from: -9, to: -5), status: 422, why: "a window in the past"),
            Case(method: .post, path: "\(depot)/reservations", body: reservation(from: 3, to: 5), status: 409, why: "an overlapping reservation"),
            Case(method: .delete, path: "\(depot)/reservations/nope", status: 404, why: "an unknown reservation"),
            Case(method: .delete, path: "\(depot)/reservations/\(bayReservation)", status: 409, why: "a stay's reservation"),
            Case(method: .post, path: "\(depot)/reservations/nope/override", status: 404, why: "an unknown reservation"),
            Case(method: .post, path: "\(depot)/reservations/\(cancelled)/override", status: 409, why: "a cancelled reservation"),

            Case(method: .post, path: "\(depot)/events/abc/ack", status: 404, why: "an unknown event"),
            Case(method: .post, path: "\(depot)/events/\(resolvedEvent)/ack", body: "{by: x}", status: 400, why: "invalid JSON"),
            Case(method: .post, path: "\(depot)/events/\(resolvedEvent)/ack", body: #"{"by": "Leitstelle"}"#, status: 409, why: "a resolved event"),
        ]
    }

    @Test func everyBadRequestGetsProblemDetailsWithItsStatus() async throws {
        try await APIHarness.run { api in
            let fixtures = try await APIFixtures.make(api)
            let timetable = try await api.request(.get, "/api/v1/depots/demo/timetable", token: APIHarness.hochbahnToken)
            let entries = timetable.object["entries"] as? [[String: Any]] ?? []
            let fileEntry = try #require(entries.first { $0["source"] as? String == "depot_file" && $0["bay"] != nil }?["id"] as? String)
            let reservations = try await api.request(.get, "/api/v1/depots/demo/reservations", token: APIHarness.hochbahnToken)
            let bayReservation = try #require(
                (reservations.object["reservations"] as? [[String: Any]] ?? []).first { $0["timetable_entry"] as? String == fileEntry }?["id"]
                    as? String)
            let cancel = try await api.request(
                .delete, "/api/v1/depots/demo/reservations/\(fixtures.hochbahn.spareReservation)", token: APIHarness.hochbahnToken)
            #expect(cancel.status == 204)
            _ = try await api.store.resolveIncident(depot: "demo", key: "charger_offline|charger:DEMO-A01", at: Date())

            let cases = Self.cases(
                fileEntry: fileEntry, bayReservation: bayReservation, reserved: fixtures.hochbahn.reservation,
                cancelled: fixtures.hochbahn.spareReservation, resolvedEvent: fixtures.hochbahn.event)
            for bad in cases {
                let before = try await TenantIsolationTests.state(api)
                let answer = try await api.request(
                    bad.method, bad.path, token: APIHarness.hochbahnToken, body: bad.body, contentType: bad.contentType)
                #expect(answer.status == bad.status, "\(bad): \(answer.body)")
                #expect(answer.contentType == "application/problem+json", "\(bad)")
                #expect(answer.object["status"] as? Int == bad.status, "\(bad)")
                #expect((answer.object["title"] as? String).map { !$0.isEmpty } == true, "\(bad)")
                #expect(try await TenantIsolationTests.state(api) == before, "\(bad) changed the depot")
            }
        }
    }
}
