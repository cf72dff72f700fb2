/// The output formats of every report.
public enum ReportFormat: String, Sendable, CaseIterable {
    case json
    case csv

    /// The HTTP content type of the format.
    public var contentType: String {
        switch self {
        case .json: "application/json"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    /// Renders a report in this format.
    public func render(_ report: some Report) throws -> String {
        switch self {
        case .json: try ReportJSON.encode(report)
        case .csv: ReportCSV.encode(report)
        }
    }
}
