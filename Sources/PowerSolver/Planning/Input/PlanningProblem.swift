/// Everything the night planner needs, as plain values: the runtime builds it from the depot
/// state, the benchmark generator writes it as JSON (solver.md §2).
public struct PlanningProblem: Hashable, Codable, Sendable {
    public let grid: SlotGrid
    /// The circuit tree; exactly one node (the site) has no parent.
    public let nodes: [PlanningNode]
    public let vehicles: [PlanningVehicle]
    public let tariff: PlanningTariff

    public init(grid: SlotGrid, nodes: [PlanningNode], vehicles: [PlanningVehicle], tariff: PlanningTariff) {
        self.grid = grid
        self.nodes = nodes
        self.vehicles = vehicles
        self.tariff = tariff
    }
}
