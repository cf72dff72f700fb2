/// The night plan: per vehicle a power profile with its predictions, the site profile, and the
/// lexicographic objective values (docs/solver.md §2.3, §4).
public struct Plan: Hashable, Codable, Sendable {
    public let grid: SlotGrid
    /// One plan per vehicle, in the order of the problem's vehicles.
    public let vehicles: [VehiclePlan]
    /// Site load per slot against the site limit, for `busbar plan` and the dashboard.
    public let site: [SiteSlot]
    public let objectives: PlanObjectives
    /// Nodes whose base and preconditioning load alone exceed their limit in some slot.
    public let capacityDeficits: [CapacityDeficit]

    public init(grid: SlotGrid, vehicles: [VehiclePlan], site: [SiteSlot], objectives: PlanObjectives, capacityDeficits: [CapacityDeficit]) {
        self.grid = grid
        self.vehicles = vehicles
        self.site = site
        self.objectives = objectives
        self.capacityDeficits = capacityDeficits
    }
}
