public import DepotModel
public import Foundation

/// Everything one allocator tick needs (docs/solver.md §5).
public struct AllocationInput: Hashable, Codable, Sendable {
    /// The tick's instant (admission holds are measured from it).
    public let now: Date
    /// The circuit tree; exactly one node (the site) has no parent.
    public let nodes: [AllocationNode]
    /// The sessions drawing or waiting to draw power; order does not matter.
    public let sessions: [AllocationSession]
    /// The root envelope: planned load of the current slot plus tolerance. The surplus fill of
    /// fleet sessions at target and of public sessions stays below it so the plan's peak and cost
    /// intent survive where no bus needs the energy; fleet sessions below target are not bound by
    /// it (power a bus could take is never left unused). Nil when there is no plan.
    public let envelope: Kilowatts?
    /// Guaranteed shares of the connection per tenant (`power_budget_kw`).
    public let tenantBudgets: [TenantID: Kilowatts]

    public init(
        now: Date, nodes: [AllocationNode], sessions: [AllocationSession], envelope: Kilowatts? = nil,
        tenantBudgets: [TenantID: Kilowatts] = [:]
    ) {
        self.now = now
        self.nodes = nodes
        self.sessions = sessions
        self.envelope = envelope
        self.tenantBudgets = tenantBudgets
    }
}
