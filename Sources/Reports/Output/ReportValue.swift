public import Foundation

/// One cell of a report: what JSON and CSV both render, so the two formats cannot disagree.
public enum ReportValue: Sendable, Hashable {
    /// An id, a name or a mode.
    case text(String)
    /// A measured or derived number, rounded to `decimals` places when rendered.
    case number(Double, decimals: Int)
    /// A whole number: a connector, a count of sessions or faults.
    case count(Int)
    /// Yes or no, e.g. `target_met`.
    case flag(Bool)
    /// An instant, rendered as ISO 8601 in UTC.
    case time(Date)
    /// Not known (no SoC reported, no price configured, an open session's end).
    case missing
    /// A nested list of objects, for totals broken down by block or tenant (JSON only).
    case objects([[ReportField]])

    /// A text cell, or `missing` for nil.
    static func text(_ value: String?) -> ReportValue { value.map { .text($0) } ?? .missing }
    /// A number cell, or `missing` for nil.
    static func number(_ value: Double?, _ decimals: Int) -> ReportValue { value.map { .number($0, decimals: decimals) } ?? .missing }
    /// A time cell, or `missing` for nil.
    static func time(_ value: Date?) -> ReportValue { value.map { .time($0) } ?? .missing }
    /// A flag cell, or `missing` for nil.
    static func flag(_ value: Bool?) -> ReportValue { value.map { .flag($0) } ?? .missing }
}
