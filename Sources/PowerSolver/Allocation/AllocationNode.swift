public import DepotModel

/// One node of the circuit tree for one allocator tick (docs/solver.md §5).
public struct AllocationNode: Hashable, Codable, Sendable, Identifiable {
    public let id: String
    /// Nil for the site, the root of the tree.
    public let parent: String?
    /// Room for charging now: the node's limit minus its measured non-EV load minus the safety
    /// margin (`grid.safety_margin_kw`).
    public let capacity: Kilowatts
    /// The node's meter is stale or missing: the node sheds to the minima already admitted.
    public let meterIsStale: Bool

    public init(id: String, parent: String?, capacity: Kilowatts, meterIsStale: Bool = false) {
        self.id = id
        self.parent = parent
        self.capacity = capacity
        self.meterIsStale = meterIsStale
    }
}
