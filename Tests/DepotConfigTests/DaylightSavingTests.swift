import DepotConfig
import DepotModel
import Foundation
import Testing

/// Times in depot files are local; a loaded depot must place them correctly across DST changes.
@Suite("Depot times across DST")
struct DaylightSavingTests {
    func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func timetableAndBlocksFollowTheLocalClockOnBothChangeNights() throws {
        let root = LoaderHarness.repositoryRoot.appendingPathComponent("config/depots")
        let depot = try DepotFileLoader.load(path: root.appendingPathComponent("nord.yaml").path)
        let line = try #require(depot.timetable.first { $0.vehicle == "sb-102" })  // 23:05 → 04:50 every day
        let spring = try #require(line.occurrence(arrivingOn: LocalDate(year: 2026, month: 3, day: 28), tenant: "stadtbus", in: depot.timeZone))
        #expect(spring.arrival == utc("2026-03-28T22:05:00Z"))  // CET
        #expect(spring.departure == utc("2026-03-29T02:50:00Z"))  // CEST: one hour less of dwell
        let autumn = try #require(line.occurrence(arrivingOn: LocalDate(year: 2026, month: 10, day: 24), tenant: "stadtbus", in: depot.timeZone))
        #expect(autumn.arrival == utc("2026-10-24T21:05:00Z"))  // CEST
        #expect(autumn.departure == utc("2026-10-25T03:50:00Z"))  // CET: one hour more
        // The night block runs from 22:00 to 06:00 local on both nights; 02:30 local exists once in
        // autumn terms of blocks, and the night limit holds throughout.
        #expect(depot.grid.block(at: utc("2026-03-29T00:59:00Z"), in: depot.timeZone)?.name == "night")
        #expect(depot.grid.block(at: utc("2026-03-29T04:00:00Z"), in: depot.timeZone)?.name == "day")  // 06:00 CEST
        #expect(depot.grid.block(at: utc("2026-10-25T04:59:00Z"), in: depot.timeZone)?.name == "night")  // 05:59 CET
        #expect(depot.grid.block(at: utc("2026-10-25T05:00:00Z"), in: depot.timeZone)?.name == "day")
    }
}
