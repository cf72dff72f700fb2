public import DepotModel
public import Storage

/// The three reports by name, as the CLI and the API ask for them.
public enum ReportKind: String, Sendable, CaseIterable {
    case sessions
    case chargers
    case power

    /// Computes this report and renders it.
    public func render(_ request: ReportRequest, depot: Depot, records: ReportRecords, as format: ReportFormat) throws -> String {
        switch self {
        case .sessions: try format.render(SessionReport(request: request, depot: depot, records: records))
        case .chargers: try format.render(ChargerPerformanceReport(request: request, depot: depot, records: records))
        case .power: try format.render(PowerUseReport(request: request, depot: depot, records: records))
        }
    }
}
