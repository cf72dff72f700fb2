import Foundation

/// The transaction a TxProfile belongs to: an integer Busbar assigned (1.6) or the station's
/// string (2.0.1, ≤ 36 characters).
public enum ChargingTransactionID: Hashable, Sendable {
    /// A 1.6 `transactionId` (integer chosen by Busbar).
    case v16(Int)
    /// A 2.0.1 `transactionId` (string chosen by the station).
    case v201(String)
}
