/// The limits of one allocator tick, one per session, ordered by connector.
public struct Allocation: Hashable, Codable, Sendable {
    /// One limit per session, sorted by connector address.
    public let limits: [SessionLimit]

    public init(limits: [SessionLimit]) { self.limits = limits }
}
