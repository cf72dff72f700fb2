public import Foundation

/// A transaction running on a simulated connector.
public struct SimulatedTransaction: Hashable, Sendable {
    /// The station's own number for the transaction, stable while offline.
    public var localId: Int
    /// 2.0.1: the station-chosen id; 1.6: the CSMS-assigned id once StartTransaction is answered.
    public var transactionId: String?
    /// The token that started it.
    public var idToken: String
    /// Station time of the start, also the anchor of relative profiles.
    public var startedAt: Date
    /// The energy register at the start, Wh.
    public var meterStartWh: Double
    /// 2.0.1 TransactionEvent sequence number of the next event.
    public var nextSeqNo: Int = 0
    /// When the last periodic meter sample was taken.
    public var lastSampleAt: Date
    /// The 2.0.1 remoteStartId of a remotely started transaction.
    public var remoteStartId: Int?
}
