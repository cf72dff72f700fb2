public import DepotModel

/// One connector as the API and the live map show it; `session` is nil when the caller's
/// tenant may not see the vehicle charging there.
public struct ConnectorSnapshot: Hashable, Sendable, Codable {
    public let charger: ChargerID
    public let connector: Int
    public let bay: BayID?
    public let state: ConnectorState
    public let errorCode: String?
    public let occupied: Bool
    public let session: SessionSnapshot?
}
