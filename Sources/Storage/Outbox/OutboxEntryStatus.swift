/// Where one outbox entry stands. Entries are never deleted by delivery: a message either went
/// out, gave up (`failed`, with its last error), or was cancelled by an acknowledgement or
/// resolution — nothing is dropped silently.
public enum OutboxEntryStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Waiting for its due time (first attempt or a retry).
    case pending
    case sent
    /// A permanent error, or transient errors for longer than the maximum age.
    case failed
    /// Its incident was acknowledged or resolved before it was sent.
    case cancelled
}
