public import Foundation

extension VDV463 {
    /// RFC 3339 timestamps as VDV 463 uses them (docs/vdv.md A3): read with or without fractional
    /// seconds and with any offset, written in UTC with exactly three fraction digits.
    /// Hand-written so that parsing is strict (4-digit year, real calendar dates; docs/reliability.md §2)
    /// and independent of formatter locale and thread-safety.
    public enum Timestamp {
        /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; nil for anything else.
        public static func parse(_ text: String) -> Date? {
            let bytes = Array(text.utf8)
            guard bytes.count >= 20 else { return nil }
            var index = 0
            func number(_ width: Int) -> Int? {
                guard index + width <= bytes.count else { return nil }
                var value = 0
                for byte in bytes[index..<index + width] {
                    guard byte >= 0x30, byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                index += width
                return value
            }
            func expect(_ characters: String) -> Bool {
                guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
                index += 1
                return true
            }
            guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
                expect("Tt"), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
                let second = number(2)
            else { return nil }
            guard (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day),
                hour < 24, minute < 60, second < 60
            else { return nil }
            var fraction = 0.0
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var scale = 0.1
                let start = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    fraction += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
            var offsetSeconds = 0
            if !expect("Zz") {
                guard index < bytes.count else { return nil }
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                guard expect("+-"), let offsetHours = number(2), expect(":"), let offsetMinutes = number(2),
                    offsetHours < 24, offsetMinutes < 60
                else { return nil }
                offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
            guard index == bytes.count else { return nil }
            let days = daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
            return Date(timeIntervalSince1970: Double(seconds) + fraction)
        }

        /// Formats in UTC, rounded to the nearest millisecond, e.g. `2026-03-02T21:15:00.000Z` (the 2.0.0 form Busbar emits).
        public static func format(_ date: Date) -> String {
            let totalMilliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
            let (days, dayMilliseconds) = floorDivision(totalMilliseconds, 86_400_000)
            let (year, month, day) = civilFromDays(days)
            let hour = dayMilliseconds / 3_600_000
            let minute = dayMilliseconds / 60_000 % 60
            let second = dayMilliseconds / 1000 % 60
            let millisecond = dayMilliseconds % 1000
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):"
                + "\(pad(second, 2)).\(pad(millisecond, 3))Z"
        }

        private static func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }

        private static func floorDivision(_ value: Int, _ divisor: Int) -> (Int, Int) {
            let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
            return (quotient, value - quotient * divisor)
        }

        private static func daysInMonth(year: Int, month: Int) -> Int {
            switch month {
            case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
        private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
            let yearOfEra = shiftedYear - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        /// The inverse of `daysFromCivil` (H. Hinnant's `civil_from_days`).
        private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
            let shifted = days + 719_468
            let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
            let dayOfEra = shifted - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
            let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }
    }
}
