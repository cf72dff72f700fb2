import BusbarServer
import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Testing

/// The CSV import reports every broken row with its line and reason; `mode=all` imports nothing
/// when a row is broken (the timetable stays as it was), `mode=valid` imports the good rows.
@Suite("Timetable CSV import")
struct TimetableImportTests {
    static var csv: String {
        let arrival = APIHarness.time(hours: 3)
        let departure = APIHarness.time(hours: 10)
        return """
            vehicle,arrival,departure,target_soc,min_target_soc,bay
            hb-03,\(arrival),\(departure),90,80,A02-1
            hb-04,22:15,\(departure),90,,
            hb-05,\(arrival),\(departure),90,,

            vhh-01,\(arrival),\(departure),90,,
            hb-06,\(departure),\(arrival),90,,
            hb-07,\(arrival),\(departure),101,,
            hb-08,\(arrival),\(departure),90
            hb-09,\(arrival),\(departure),ninety,,
            """
    }

    /// The broken rows of `csv`: line and a word the reason must contain.
    static let broken: [(line: Int, reason: String)] = [
        (3, "ISO 8601"), (6, "no vehicle vhh-01"), (7, "departure"), (8, "between 0 and 100"), (9, "expected 6 fields"), (10, "not a number"),
    ]

    static func apiEntries(_ api: APIHarness) async throws -> [[String: Any]] {
        let answer = try await api.request(.get, "/api/v1/depots/demo/timetable", token: APIHarness.hochbahnToken)
        return (answer.object["entries"] as? [[String: Any]] ?? []).filter { $0["source"] as? String == "api" }
    }

    @Test func modeAllImportsNothingAndReportsEveryBrokenRow() async throws {
        try await APIHarness.run { api in
            let before = try await api.request(.get, "/api/v1/depots/demo/timetable").body
            let answer = try await api.request(
                .post, "/api/v1/depots/demo/timetable/import?mode=all", token: APIHarness.hochbahnToken, body: Self.csv, contentType: "text/csv")
            #expect(answer.status == 422)
            #expect(answer.contentType == "application/problem+json")
            let errors = answer.object["errors"] as? [[String: Any]] ?? []
            #expect(errors.compactMap { $0["line"] as? Int } == Self.broken.map(\.line))
            for (error, expected) in zip(errors, Self.broken) {
                #expect((error["reason"] as? String ?? "").contains(expected.reason), "line \(expected.line): \(error)")
            }
            #expect(try await api.request(.get, "/api/v1/depots/demo/timetable").body == before)
        }
    }

    @Test func modeValidImportsTheGoodRowsAndReportsTheRest() async throws {
        try await APIHarness.run { api in
            let answer = try await api.request(
                .post, "/api/v1/depots/demo/timetable/import?mode=valid", token: APIHarness.hochbahnToken, body: Self.csv, contentType: "text/csv")
            #expect(answer.status == 200)
            #expect((answer.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int } == Self.broken.map(\.line))
            let imported = answer.object["imported"] as? [String] ?? []
            #expect(imported.count == 2)
            let entries = try await Self.apiEntries(api)
            #expect(Set(entries.compactMap { $0["id"] as? String }) == Set(imported))
            #expect(Set(entries.compactMap { $0["vehicle"] as? String }) == ["hb-03", "hb-05"])
            let hb03 = try #require(entries.first { $0["vehicle"] as? String == "hb-03" })
            #expect(hb03["min_target_soc"] as? Double == 80)
            #expect(hb03["bay"] as? String == "A02-1")
        }
    }

    @Test func aCleanFileIsImportedWholeAndPlanned() async throws {
        try await APIHarness.run { api in
            let lines = Self.csv.split(separator: "\n").enumerated().filter { index, _ in index == 0 || index == 1 || index == 3 }.map(\.1)
            let answer = try await api.request(
                .post, "/api/v1/depots/demo/timetable/import", token: APIHarness.hochbahnToken, body: lines.joined(separator: "\r\n"),
                contentType: "text/csv; charset=utf-8")
            #expect(answer.status == 201, "\(answer.body)")
            #expect((answer.object["imported"] as? [String])?.count == 2)
            await api.server.controllers["demo"]?.tick()
            let plan = try await api.request(.get, "/api/v1/depots/demo/plan", token: APIHarness.hochbahnToken)
            let planned = (plan.object["vehicles"] as? [[String: Any]] ?? []).compactMap { $0["vehicle"] as? String }
            #expect(Set(["hb-03", "hb-05"]).isSubset(of: Set(planned)), "\(plan.body)")
        }
    }
}
