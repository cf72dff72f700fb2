import DepotModel
import Foundation
import Testing

@Suite("Local time and DST")
struct LocalTimeTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func ordinaryTimeMapsToItsInstant() {
        let instant = LocalDate(year: 2026, month: 1, day: 15).instant(at: TimeOfDay("05:30")!, in: berlin)
        #expect(instant == utc("2026-01-15T04:30:00Z"))
    }

    @Test func timeInSpringForwardGapMapsToEndOfGap() {
        // 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST (01:00Z).
        let instant = LocalDate(year: 2026, month: 3, day: 29).instant(at: TimeOfDay("02:30")!, in: berlin)
        #expect(instant == utc("2026-03-29T01:00:00Z"))
    }

    @Test func repeatedAutumnTimeMapsToFirstOccurrence() {
        // 2026-10-25: 02:00–03:00 happens twice; the first 02:30 is CEST (00:30Z).
        let instant = LocalDate(year: 2026, month: 10, day: 25).instant(at: TimeOfDay("02:30")!, in: berlin)
        #expect(instant == utc("2026-10-25T00:30:00Z"))
    }

    @Test func overnightWindowIsShorterOnSpringForwardNight() {
        let window = DailyWindow(from: TimeOfDay("22:00")!, to: TimeOfDay("06:00")!)
        let normal = window.occurrence(startingOn: LocalDate(year: 2026, month: 3, day: 21), in: berlin)
        let short = window.occurrence(startingOn: LocalDate(year: 2026, month: 3, day: 28), in: berlin)
        let long = window.occurrence(startingOn: LocalDate(year: 2026, month: 10, day: 24), in: berlin)
        #expect(normal.upperBound.timeIntervalSince(normal.lowerBound) == 8 * 3600)
        #expect(short.upperBound.timeIntervalSince(short.lowerBound) == 7 * 3600)
        #expect(long.upperBound.timeIntervalSince(long.lowerBound) == 9 * 3600)
    }

    @Test func blockInsideTheGapIsSkipped() {
        let grid = GridConnection(
            connectionLimit: 1000,
            blocks: [
                TimeBlock(
                    name: "early", window: DailyWindow(from: TimeOfDay("00:00")!, to: TimeOfDay("02:00")!), limit: 800, pricePerKilowattHour: 0.1),
                TimeBlock(
                    name: "gap", window: DailyWindow(from: TimeOfDay("02:00")!, to: TimeOfDay("03:00")!), limit: 700, pricePerKilowattHour: 0.2),
                TimeBlock(
                    name: "rest", window: DailyWindow(from: TimeOfDay("03:00")!, to: TimeOfDay("00:00")!), limit: 900, pricePerKilowattHour: 0.3),
            ]
        )
        let night = utc("2026-03-28T22:00:00Z")..<utc("2026-03-29T06:00:00Z")
        let names = grid.blockSegments(covering: night, in: berlin).map(\.block.name)
        #expect(names == ["rest", "early", "rest"])
        let autumn = utc("2026-10-24T22:00:00Z")..<utc("2026-10-25T06:00:00Z")
        let segments = grid.blockSegments(covering: autumn, in: berlin)
        #expect(segments.map(\.block.name) == ["early", "gap", "rest"])
        // The repeated hour belongs to one block once: segments tile the night without overlap.
        let covered = segments.map { $0.interval.upperBound.timeIntervalSince($0.interval.lowerBound) }.reduce(0, +)
        #expect(covered == 8 * 3600)
        for (a, b) in zip(segments, segments.dropFirst()) { #expect(a.interval.upperBound == b.interval.lowerBound) }
    }

    @Test func limitFollowsTheBlockAndNeverExceedsTheConnection() {
        let grid = GridConnection(
            connectionLimit: 1000,
            blocks: [
                TimeBlock(
                    name: "night", window: DailyWindow(from: TimeOfDay("22:00")!, to: TimeOfDay("06:00")!), limit: 1200, pricePerKilowattHour: 0.1),
                TimeBlock(
                    name: "day", window: DailyWindow(from: TimeOfDay("06:00")!, to: TimeOfDay("22:00")!), limit: 600, pricePerKilowattHour: 0.3),
            ]
        )
        #expect(grid.limit(at: utc("2026-01-15T23:00:00Z"), in: berlin) == 1000)
        #expect(grid.limit(at: utc("2026-01-15T12:00:00Z"), in: berlin) == 600)
        #expect(grid.block(at: utc("2026-01-15T05:00:00Z"), in: berlin)?.name == "day")
    }

    @Test(arguments: [
        (LocalDate(year: 2024, month: 1, day: 1), Weekday.monday),
        (LocalDate(year: 2026, month: 11, day: 24), .tuesday),
        (LocalDate(year: 2000, month: 2, day: 29), .tuesday),
        (LocalDate(year: 2026, month: 3, day: 1), .sunday),
    ])
    func weekdays(date: LocalDate, expected: Weekday) {
        #expect(Weekday(of: date) == expected)
    }

    @Test func timeOfDayParsing() {
        #expect(TimeOfDay("5:30")?.description == "05:30")
        #expect(TimeOfDay("24:00") == nil)
        #expect(TimeOfDay("12:60") == nil)
        #expect(TimeOfDay("1230") == nil)
        #expect(TimeOfDay("ab:cd") == nil)
    }
}
