public import DepotModel

/// One node of the circuit tree as the planner sees it: a kW limit and a forecast non-EV load per
/// slot (docs/solver.md §2.1, n, L_{n,t}, B_{n,t}).
///
/// The tree is flat like `DepotModel.Circuit`: each node names its parent and the site (grid
/// connection) is the one node without a parent, so its limits are the grid limit G_t.
public struct PlanningNode: Hashable, Codable, Sendable, Identifiable {
    /// The name used in binding-constraint reports ("circuit hall-b 02:00–03:15").
    public let id: String
    /// Nil for the site.
    public let parent: String?
    /// The limit per slot of the planning grid.
    public let limits: [Kilowatts]
    /// The forecast non-EV load per slot at this node (not including the loads of its children).
    public let baseLoad: [Kilowatts]

    public init(id: String, parent: String?, limits: [Kilowatts], baseLoad: [Kilowatts]) {
        self.id = id
        self.parent = parent
        self.limits = limits
        self.baseLoad = baseLoad
    }
}
