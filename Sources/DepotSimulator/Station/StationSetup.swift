public import OCPP

/// What a simulated station is: its identity, OCPP version and electrical size.
public struct StationSetup: Hashable, Sendable {
    /// The OCPP identity, the last segment of `/ocpp/{stationId}`.
    public var id: String
    /// The subprotocol the station offers, and the messages it speaks.
    public var version: OCPPVersion
    /// Connectors (1.6) or EVSEs with one connector each (2.0.1), numbered from 1.
    public var connectorCount: Int
    /// The most one connector delivers, in kW.
    public var connectorMaxKW: Double
    /// BootNotification vendor name.
    public var vendor: String
    /// BootNotification model.
    public var model: String

    /// A station; vendor and model only show in its BootNotification.
    public init(id: String, version: OCPPVersion, connectorCount: Int, connectorMaxKW: Double, vendor: String = "Busbar", model: String = "SimDC") {
        self.id = id
        self.version = version
        self.connectorCount = connectorCount
        self.connectorMaxKW = connectorMaxKW
        self.vendor = vendor
        self.model = model
    }
}
