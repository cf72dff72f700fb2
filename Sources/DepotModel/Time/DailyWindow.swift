public import Foundation

/// A recurring window of wall-clock time, such as a tariff block `22:00–06:00`. A window whose end
/// is not after its start runs past midnight into the next day.
public struct DailyWindow: Hashable, Codable, Sendable, CustomStringConvertible {
    public let from: TimeOfDay
    public let to: TimeOfDay

    public init(from: TimeOfDay, to: TimeOfDay) {
        self.from = from
        self.to = to
    }

    /// Whether the window runs past midnight.
    public var crossesMidnight: Bool { to <= from }

    /// Length in wall-clock minutes (a window from a time to itself lasts 24 h).
    public var wallClockMinutes: Int {
        let length = to.minutesSinceMidnight - from.minutesSinceMidnight
        return length > 0 ? length : length + 24 * 60
    }

    /// Whether a wall-clock minute of the day (0–1439) lies inside the window.
    public func contains(minuteOfDay minute: Int) -> Bool {
        let start = from.minutesSinceMidnight
        return (minute - start + 24 * 60) % (24 * 60) < wallClockMinutes
    }

    /// The window that starts on `date`, as instants; empty when it lies wholly in a DST gap.
    public func occurrence(startingOn date: LocalDate, in timeZone: TimeZone) -> Range<Date> {
        let start = date.instant(at: from, in: timeZone)
        let end = (crossesMidnight ? date.adding(days: 1) : date).instant(at: to, in: timeZone)
        return start..<max(start, end)
    }

    public var description: String { "\(from)–\(to)" }
}
