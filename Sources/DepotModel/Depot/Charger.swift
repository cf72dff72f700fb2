/// A charging station as the depot file declares it.
public struct Charger: Hashable, Codable, Sendable, Identifiable {
    public let id: ChargerID
    public let ocppVersion: OCPPProtocolVersion
    /// OCPP security profile: 0 (none; loopback development only), 1 (Basic auth), 2 (TLS + Basic
    /// auth), 3 (TLS client certificates).
    public let securityProfile: Int
    /// Where the station's Basic-auth password is checked against; nil for profiles 0 and 3.
    public let password: SecretReference?
    public let circuit: CircuitID?
    public let area: AreaID?
    public let connectors: [Connector]
    public let quirks: Set<ChargerQuirk>
    /// The share the charger keeps when it loses Busbar (docs/ocpp.md §13.3); nil lets Busbar compute it.
    public let failSafePower: Kilowatts?
    public let mapPosition: MapPosition?

    public init(
        id: ChargerID, ocppVersion: OCPPProtocolVersion, securityProfile: Int = 1, password: SecretReference? = nil,
        circuit: CircuitID? = nil, area: AreaID? = nil, connectors: [Connector], quirks: Set<ChargerQuirk> = [],
        failSafePower: Kilowatts? = nil, mapPosition: MapPosition? = nil
    ) {
        self.id = id
        self.ocppVersion = ocppVersion
        self.securityProfile = securityProfile
        self.password = password
        self.circuit = circuit
        self.area = area
        self.connectors = connectors
        self.quirks = quirks
        self.failSafePower = failSafePower
        self.mapPosition = mapPosition
    }

    /// The sum of the connectors' maximum powers.
    public var maxPower: Kilowatts { connectors.map(\.maxPower).sum() }

    /// The connector with an OCPP number, if the charger has it.
    public func connector(_ number: Int) -> Connector? { connectors.first { $0.number == number } }
}
