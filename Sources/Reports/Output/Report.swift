/// What the three reports share, so one JSON and one CSV encoder serve them all.
public protocol Report: Sendable {
    associatedtype Row: ReportRow
    /// The report's name in output and URLs: `sessions`, `chargers`, `power`.
    static var name: String { get }
    /// How the numbers are derived, in a sentence each; echoed in the JSON.
    static var notes: [String] { get }
    /// What was asked: depot, filters and period.
    var request: ReportRequest { get }
    var rows: [Row] { get }
    /// Sums and extremes over the rows (and breakdowns, for the power report).
    var totals: [ReportField] { get }
}
