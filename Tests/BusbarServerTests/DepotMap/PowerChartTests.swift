import DepotConfig
import DepotModel
import Foundation
import Testing

@testable import BusbarServer

/// The grid limit as the chart draws it: steps by block, capped by the connection, no gaps.
@Suite("Power chart limit steps")
struct PowerChartTests {
    static let timeZone = TimeZone(identifier: "Europe/Berlin")!

    static func grid(connection: Double, blocks: [(String, String, String, Double)]) -> GridConnection {
        GridConnection(
            connectionLimit: Kilowatts(connection), safetyMargin: Kilowatts(40), meter: nil,
            blocks: blocks.map {
                TimeBlock(
                    name: $0.0, window: DailyWindow(from: TimeOfDay($0.1)!, to: TimeOfDay($0.2)!), limit: Kilowatts($0.3), pricePerKilowattHour: 0.2)
            })
    }

    static func instant(_ time: String, dayOffset: Int = 0) -> Date {
        LocalDate(year: 2026, month: 11, day: 24 + dayOffset).instant(at: TimeOfDay(time)!, in: timeZone)
    }

    @Test func theDemoNightStepsFromPeakToNightToDay() {
        let grid = Self.grid(
            connection: 2000, blocks: [("night", "22:00", "06:00", 2000), ("day", "06:00", "17:00", 1200), ("peak", "17:00", "22:00", 700)])
        let start = Self.instant("19:30")
        let steps = PowerChart.steps(covering: start..<Self.instant("07:30", dayOffset: 1), grid: grid, timeZone: Self.timeZone)
        #expect(steps.map(\.block) == ["peak", "night", "day"])
        #expect(steps.map(\.limitKw) == [700, 2000, 1200])
        #expect(steps.first?.from == start)
        #expect(steps[1].from == Self.instant("22:00") && steps[1].to == Self.instant("06:00", dayOffset: 1))
    }

    @Test func aBlockAboveTheConnectionIsCappedAndHoursWithoutABlockUseTheConnection() {
        let grid = Self.grid(connection: 1000, blocks: [("night", "22:00", "06:00", 1500)])
        let steps = PowerChart.steps(covering: Self.instant("20:00")..<Self.instant("08:00", dayOffset: 1), grid: grid, timeZone: Self.timeZone)
        #expect(steps.map(\.block) == [nil, "night", nil])
        #expect(steps.map(\.limitKw) == [1000, 1000, 1000])
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.to == $1.from })
    }

    @Test func theWindowCoversANightAndReachesAnHourPastNow() {
        let grid = Self.grid(connection: 800, blocks: [])
        let start = Self.instant("18:00")
        let early = PowerChart(samples: [], start: start, now: start, grid: grid, timeZone: Self.timeZone)
        #expect(early.limits.last?.to == start.addingTimeInterval(12 * 3600))
        let late = PowerChart(samples: [], start: start, now: start.addingTimeInterval(20 * 3600), grid: grid, timeZone: Self.timeZone)
        #expect(late.limits.last?.to == start.addingTimeInterval(21 * 3600))
    }
}
