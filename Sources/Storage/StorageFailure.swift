/// Failures of Storage's own making (SQLite errors come through as GRDB's `DatabaseError`).
public enum StorageFailure: Error, Sendable, Hashable {
    /// Busbar could not find a free transaction id for a station after several random draws.
    case transactionKeysExhausted(station: String)
}
