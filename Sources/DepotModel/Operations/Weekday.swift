/// A day of the week, for timetable entries that run only on some days.
public enum Weekday: String, Hashable, Codable, Sendable, CaseIterable {
    case monday = "mon"
    case tuesday = "tue"
    case wednesday = "wed"
    case thursday = "thu"
    case friday = "fri"
    case saturday = "sat"
    case sunday = "sun"

    /// The weekday of a Gregorian date (Zeller-free: days since a known Monday).
    public init(of date: LocalDate) {
        // 2024-01-01 was a Monday; count days with the civil-from-days algorithm.
        let days = Self.daysSinceEpoch(date) - Self.daysSinceEpoch(LocalDate(year: 2024, month: 1, day: 1))
        self = Self.allCases[((days % 7) + 7) % 7]
    }

    private static func daysSinceEpoch(_ date: LocalDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (date.month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
