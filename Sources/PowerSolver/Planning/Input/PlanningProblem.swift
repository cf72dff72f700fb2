public import DepotModel

/// Everything the night planner needs, as plain values: the runtime builds it from the depot
/// state, the benchmark generator writes it as JSON (docs/solver.md §2).
public struct PlanningProblem: Hashable, Codable, Sendable {
    /// The slots every per-slot array refers to.
    public let grid: SlotGrid
    /// The circuit tree; exactly one node (the site) has no parent.
    public let nodes: [PlanningNode]
    public let vehicles: [PlanningVehicle]
    public let tariff: PlanningTariff
    /// Guaranteed shares of the connection per tenant (`power_budget_kw`).
    public let tenantBudgets: [TenantID: Kilowatts]
    /// Readiness buffer and peak tolerance; nil for the pure stages (the benchmark's LP comparison).
    public let preferences: PlanningPreferences?

    public init(
        grid: SlotGrid, nodes: [PlanningNode], vehicles: [PlanningVehicle], tariff: PlanningTariff,
        tenantBudgets: [TenantID: Kilowatts] = [:], preferences: PlanningPreferences? = nil
    ) {
        self.grid = grid
        self.nodes = nodes
        self.vehicles = vehicles
        self.tariff = tariff
        self.tenantBudgets = tenantBudgets
        self.preferences = preferences
    }

    /// The same problem with other vehicles.
    func replacing(vehicles newVehicles: [PlanningVehicle]) -> PlanningProblem {
        PlanningProblem(grid: grid, nodes: nodes, vehicles: newVehicles, tariff: tariff, tenantBudgets: tenantBudgets, preferences: preferences)
    }

    /// The same problem with other preferences.
    public func with(preferences newPreferences: PlanningPreferences?) -> PlanningProblem {
        PlanningProblem(grid: grid, nodes: nodes, vehicles: vehicles, tariff: tariff, tenantBudgets: tenantBudgets, preferences: newPreferences)
    }
}
