import Foundation
import Testing

@Suite("busbar plan")
struct PlanCommandTests {
    /// Planned as the runtime plans (readiness first, the assumed taper above 80 %): the only
    /// shortfalls are the last kWh to 100 % that the taper leaves out of short dwells.
    @Test func demoNightIsPlannedWithTheTaperAsItsOnlyShortfall() async throws {
        let result = try await BusbarBinary.run(["plan", "--start", "2026-11-24T16:00"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Plan for depot demo"))
        #expect(result.stdout.contains("4 of 30 vehicles short"))
        let short = result.stdout.split(separator: "\n").filter { $0.contains("dwell too short") }
        #expect(short.count == 4)
        #expect(short.allSatisfy { $0.contains("battery taper") && $0.contains("100 %") })
        #expect(result.stdout.contains("site profile, hourly average"))
    }

    @Test func aStayTooShortIsReportedWithItsReason() async throws {
        let result = try await BusbarBinary.run([
            "plan", "--start", "2026-11-24T20:00", "--timetable", "Tests/BusbarCLITests/Fixtures/plan/short-night.csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("hb-02") })
        #expect(row.contains("dwell too short"))
        #expect(result.stdout.contains("1 of 3 vehicles short"))
    }

    @Test func jsonCarriesPredictionsAndTheSiteProfile() async throws {
        let result = try await BusbarBinary.run([
            "plan", "--start", "2026-11-24T20:00", "--timetable", "Tests/BusbarCLITests/Fixtures/plan/short-night.csv", "--json",
        ])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let vehicles = try #require(document["vehicles"] as? [[String: Any]])
        #expect(vehicles.map { $0["vehicle"] as? String } == ["hb-01", "hb-02", "vhh-01"])
        let first = try #require(vehicles.first)
        #expect((first["departure_so_c"] as? Double).map { abs($0 - 90) < 1e-6 } == true)
        #expect(first["min_target_time"] != nil)
        #expect(((document["site"] as? [Any])?.count ?? 0) > 30)
    }

    @Test func svgChartIsWritten() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await BusbarBinary.run(["plan", "--start", "2026-11-24T16:00", "--svg", file.path])
        #expect(result.status == 0)
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("planned load"))
    }

    @Test func everyBadTimetableRowIsLocated() async throws {
        let file = "Tests/BusbarCLITests/Fixtures/plan/broken.csv"
        let result = try await BusbarBinary.run(["plan", "--start", "2026-11-24T20:00", "--timetable", file])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(file):3:") && $0.contains("timetable[1].vehicle: unknown vehicle hb-99") })
        #expect(lines.contains { $0.hasPrefix("\(file):4:") && $0.contains("timetable[2].arrival") })
        #expect(lines.contains { $0.hasPrefix("\(file):4:") && $0.contains("timetable[2].bay: unknown bay Z99") })
    }
}
