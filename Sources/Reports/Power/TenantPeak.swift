public import DepotModel

/// One tenant's highest 15-minute average power against its guaranteed budget.
public struct TenantPeak: Sendable, Hashable {
    public let tenant: TenantID
    public let energyKilowattHours: Double
    public let peakKilowatts: Double
    /// The tenant's `power_budget_kw`, if it has one.
    public let budgetKilowatts: Double?

    /// How far the peak went above the budget; 0 within it, nil without a budget.
    public var overBudgetKilowatts: Double? { budgetKilowatts.map { max(0, peakKilowatts - $0) } }

    var fields: [ReportField] {
        [
            ReportField("tenant", .text(tenant.rawValue)), ReportField("energy_kwh", .number(energyKilowattHours, decimals: 3)),
            ReportField("peak_kw", .number(peakKilowatts, decimals: 3)), ReportField("budget_kw", .number(budgetKilowatts, 3)),
            ReportField("over_budget_kw", .number(overBudgetKilowatts, 3)),
        ]
    }
}
