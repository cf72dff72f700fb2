/// What `BusbarStore.openIncident` did: deduplication is decided inside the same transaction that
/// would insert, so two raises of one condition can never both enqueue.
public enum IncidentOpening: Sendable, Hashable {
    /// A new incident, stored with its outbox entries.
    case opened(IncidentRecord)
    /// An unresolved incident with the same key exists (open or acknowledged); nothing was stored.
    case alreadyOpen(IncidentRecord)
}
