public import Foundation
public import OCPP

/// A CALL the station wants to send, kept version-free until it is sent so that a 1.6 stop
/// queued offline carries the transaction id its start received later.
public enum StationMessage: Hashable, Sendable {
    case bootNotification
    case heartbeat
    case statusNotification(connectorId: Int, status: ConnectorStatus, errorCode: String?, at: Date)
    case transactionStarted(
        connectorId: Int, localId: Int, seqNo: Int, meter: MeterSnapshot, idToken: String, reservationId: Int?, remoteStartId: Int?, offline: Bool)
    case meterValues(connectorId: Int, localId: Int, seqNo: Int, meter: MeterSnapshot, triggered: Bool, offline: Bool)
    case chargingStateChanged(connectorId: Int, localId: Int, seqNo: Int, meter: MeterSnapshot, status: ConnectorStatus, offline: Bool)
    case transactionEnded(connectorId: Int, localId: Int, seqNo: Int, meter: MeterSnapshot, idToken: String, reason: StopReason, offline: Bool)

    /// Transaction messages are queued while offline and survive reconnects (docs/ocpp.md §7).
    public var isTransactionMessage: Bool {
        switch self {
        case .bootNotification, .heartbeat, .statusNotification: false
        case .transactionStarted, .meterValues, .chargingStateChanged, .transactionEnded: true
        }
    }

    /// The OCPP action that carries the message in `version`.
    public func action(in version: OCPPVersion) -> String {
        switch self {
        case .bootNotification: "BootNotification"
        case .heartbeat: "Heartbeat"
        case .statusNotification: "StatusNotification"
        case .transactionStarted: version == .v16 ? "StartTransaction" : "TransactionEvent"
        case .meterValues: version == .v16 ? "MeterValues" : "TransactionEvent"
        case .chargingStateChanged: version == .v16 ? "StatusNotification" : "TransactionEvent"
        case .transactionEnded: version == .v16 ? "StopTransaction" : "TransactionEvent"
        }
    }
}
