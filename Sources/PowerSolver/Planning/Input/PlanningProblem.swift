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

    public init(
        grid: SlotGrid, nodes: [PlanningNode], vehicles: [PlanningVehicle], tariff: PlanningTariff,
        tenantBudgets: [TenantID: Kilowatts] = [:]
    ) {
        self.grid = grid
        self.nodes = nodes
        self.vehicles = vehicles
        self.tariff = tariff
        self.tenantBudgets = tenantBudgets
    }

    /// The same problem with other vehicles.
    func replacing(vehicles newVehicles: [PlanningVehicle]) -> PlanningProblem {
        PlanningProblem(grid: grid, nodes: nodes, vehicles: newVehicles, tariff: tariff, tenantBudgets: tenantBudgets)
    }
}
