/// One row of a report: a fixed list of columns whose names carry their unit, and the row's
/// values in that order. Both encoders read rows only through this.
public protocol ReportRow: Sendable {
    /// Column names, e.g. `energy_kwh`; the CSV header and the JSON keys.
    static var columns: [String] { get }
    /// The row's values, one per column.
    var values: [ReportValue] { get }
}
