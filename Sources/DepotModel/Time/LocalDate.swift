public import Foundation

/// A calendar date in a depot's time zone, used to place a `TimeOfDay` on the timeline.
///
/// Placement is DST-safe by rule (docs/depot-config.md): a wall-clock time that does not exist
/// (spring forward) maps to the first instant after the gap, and a time that occurs twice (fall
/// back) maps to its first occurrence. Consequently a block whose whole span falls into a gap is
/// empty, and no instant ever belongs to two blocks.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The local date of an instant in a time zone.
    public init(containing instant: Date, in timeZone: TimeZone) {
        let parts = Self.calendar(timeZone).dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    /// The date a number of days later (or earlier, for a negative count).
    public func adding(days: Int) -> LocalDate {
        let utc = Self.calendar(TimeZone(identifier: "UTC")!)
        let noon = utc.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
        return LocalDate(containing: utc.date(byAdding: .day, value: days, to: noon)!, in: TimeZone(identifier: "UTC")!)
    }

    /// The instant at which the wall clock of `timeZone` shows `time` on this date (see the type's
    /// DST rule).
    public func instant(at time: TimeOfDay, in timeZone: TimeZone) -> Date {
        let utc = Self.calendar(TimeZone(identifier: "UTC")!)
        let wallClockAsUTC = utc.date(
            from: DateComponents(year: year, month: month, day: day, hour: time.hour, minute: time.minute)
        )!
        let naive = wallClockAsUTC.timeIntervalSince1970
        let offsetBefore = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - 86_400)))
        let offsetAfter = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive + 86_400)))
        let candidates = [naive - offsetBefore, naive - offsetAfter].filter { candidate in
            Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: candidate))) == naive - candidate
        }
        if let first = candidates.min() { return Date(timeIntervalSince1970: first) }
        // The wall-clock time falls into a gap: find the transition by bisection (offsets change
        // at most once within a day around it).
        var low = naive - max(offsetBefore, offsetAfter) - 7_200
        var high = naive - min(offsetBefore, offsetAfter) + 7_200
        let lowOffset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: low))
        while high - low > 0.5 {
            let middle = (low + high) / 2
            if timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: middle)) == lowOffset {
                low = middle
            } else {
                high = middle
            }
        }
        return Date(timeIntervalSince1970: high.rounded())
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
