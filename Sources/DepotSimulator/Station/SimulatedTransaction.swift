public import Foundation

/// A transaction running on a simulated connector.
public struct SimulatedTransaction: Hashable, Sendable {
    /// The station's own number for the transaction, stable while offline.
    public var localId: Int
    /// 2.0.1: the station-chosen id; 1.6: the CSMS-assigned id once StartTransaction is answered.
    public var transactionId: String?
    public var idToken: String
    public var startedAt: Date
    public var meterStartWh: Double
    /// 2.0.1 TransactionEvent sequence number of the next event.
    public var nextSeqNo: Int = 0
    public var lastSampleAt: Date
    public var remoteStartId: Int?
}
