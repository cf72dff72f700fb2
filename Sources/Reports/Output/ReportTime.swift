import Foundation

/// The one way reports write instants: ISO 8601 in UTC, to the second.
enum ReportTime {
    static func text(_ date: Date) -> String { date.formatted(.iso8601) }
}
