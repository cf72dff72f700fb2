public import DepotModel
public import Foundation

/// A fact a charger reported, already persisted by the OCPP adapter (docs/architecture.md, flow of one
/// event, steps 1–2); the depot applies it to its live picture.
public enum StationEvent: Hashable, Sendable {
    /// The charger's WebSocket is open (`true`) or closed (`false`).
    case presence(ChargerID, online: Bool)
    /// The charger booted and Busbar accepted it.
    case booted(ChargerID)
    /// A connector's status (connector 0 is the whole charger).
    case connectorStatus(ConnectorAddress, ConnectorState, errorCode: String?)
    /// A transaction began; `idToken` is empty when the charger did not report one.
    case transactionStarted(ConnectorAddress, transaction: String, idToken: String, meterStart: KilowattHours, at: Date)
    /// A transaction ended.
    case transactionStopped(ChargerID, transaction: String, reason: String, at: Date)
    /// Meter samples of a connector (connector 0: the charger's own meter, e.g. the site meter).
    case meterSamples(ConnectorAddress, transaction: String?, [MeterSample])
}
