public import DepotModel

/// A node whose fixed load (base + preconditioning) alone exceeds its limit in a slot: the
/// planner gives its vehicles nothing there and reports it instead of hiding it (docs/solver.md §3.1).
public struct CapacityDeficit: Hashable, Codable, Sendable {
    public let node: String
    public let slot: Int
    /// How far the fixed load is over the limit.
    public let excess: Kilowatts

    public init(node: String, slot: Int, excess: Kilowatts) {
        self.node = node
        self.slot = slot
        self.excess = excess
    }
}
