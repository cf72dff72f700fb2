/// What `Notifier.raise` stored, so the depot runtime can log or alert about steps that could not
/// be addressed instead of losing them silently.
public struct RaiseOutcome: Hashable, Sendable {
    /// The incident's row id (the existing one when deduplicated).
    public let incidentID: Int64
    /// True when the same incident was already unresolved and nothing new was enqueued.
    public let deduplicated: Bool
    /// How many outbox entries were written (one per step and concrete recipient).
    public let enqueued: Int
    /// Steps that reached nobody, with the reason (unknown group, channel not configured, …).
    public let unaddressed: [String]

    public init(incidentID: Int64, deduplicated: Bool, enqueued: Int, unaddressed: [String]) {
        self.incidentID = incidentID
        self.deduplicated = deduplicated
        self.enqueued = enqueued
        self.unaddressed = unaddressed
    }
}
