public import DepotModel

/// What the depot asks of a charger, in Busbar's terms; the OCPP adapter turns each into calls for
/// the charger's protocol version (docs/architecture.md: wire types never reach the runtime).
public enum ChargerCommand: Hashable, Sendable {
    /// After an accepted boot or a reconnect: the station cap and the fail-safe default profile
    /// (docs/ocpp.md §13.3), so the charger stays safe whenever Busbar is unreachable.
    case installDefaults(ChargerID, stationMaximum: Kilowatts, failSafe: Kilowatts)
    /// The running session's limit, valid for the profile horizon, then the fail-safe share.
    case limit(ConnectorAddress, transaction: String, power: Kilowatts)
    /// Starts a session on the connector for a token (operator or API request).
    case remoteStart(ConnectorAddress, idToken: String)
    /// Ends a running session (departure reached, wrong vehicle, operator request).
    case remoteStop(ConnectorAddress, transaction: String)

    /// The charger the command goes to.
    public var charger: ChargerID {
        switch self {
        case .installDefaults(let charger, _, _): charger
        case .limit(let address, _, _), .remoteStart(let address, _), .remoteStop(let address, _): address.charger
        }
    }
}
