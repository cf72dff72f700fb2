import Foundation

/// The transaction a TxProfile belongs to: an integer Busbar assigned (1.6) or the station's
/// string (2.0.1, ≤ 36 characters).
public enum ChargingTransactionID: Hashable, Sendable {
    case v16(Int)
    case v201(String)
}
