/// A named cell of a report's totals; the name carries the unit (`energy_kwh`, `peak_kw`).
public struct ReportField: Sendable, Hashable {
    public let name: String
    public let value: ReportValue

    public init(_ name: String, _ value: ReportValue) {
        self.name = name
        self.value = value
    }
}
