public import DepotModel

/// What storing a transaction stop did. Every case is acknowledged to the station: a CALLERROR
/// for an unknown transaction would make it retry forever (docs/ocpp.md §7).
public enum TransactionStopOutcome: Sendable, Hashable {
    case stopped(TransactionSuspicion)
    /// A replay of a stop already stored; nothing changed.
    case alreadyStopped
    /// No such transaction for this station: the message was quarantined.
    case quarantined
}
