public import DepotModel

/// What storing a transaction start did: the key the station must use, and whether it was new (a
/// replayed StartTransaction gets the same `transactionId` back, docs/ocpp.md §6).
public struct TransactionStartOutcome: Sendable, Hashable {
    public let transactionKey: String
    public let isNew: Bool
    public let suspicion: TransactionSuspicion
}
