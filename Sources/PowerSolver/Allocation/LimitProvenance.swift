/// Why a limit stopped where it did, for the decision log ("why did bus 12 get 7 kW at 02:10").
public enum LimitProvenance: Hashable, Codable, Sendable {
    /// Reached the plan's target for this slot.
    case target
    /// Reached the session's maximum.
    case maximum
    /// Stopped because a node saturated.
    case frozen(node: String)
    /// Stopped at the root envelope (the plan's load for this slot).
    case envelope
    /// Did not get its minimum: the node had no room.
    case notAdmitted(node: String)
    /// The node's meter is stale: shed to minima.
    case staleMeter(node: String)
}
