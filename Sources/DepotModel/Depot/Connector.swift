/// One outlet of a charger, serving one bay.
public struct Connector: Hashable, Codable, Sendable {
    /// The OCPP connector (1.6) or EVSE (2.0.1) number, from 1.
    public let number: Int
    public let bay: BayID?
    public let kind: ConnectorKind
    public let maxPower: Kilowatts
    /// The smallest non-zero power the connector can deliver (DC module floor, AC 6 A); a limit is
    /// either 0 or at least this.
    public let minPower: Kilowatts
    /// AC phases in use (1 or 3); nil for DC.
    public let phases: Int?

    public init(number: Int, bay: BayID? = nil, kind: ConnectorKind = .dc, maxPower: Kilowatts, minPower: Kilowatts = .zero, phases: Int? = nil) {
        self.number = number
        self.bay = bay
        self.kind = kind
        self.maxPower = maxPower
        self.minPower = minPower
        self.phases = phases
    }
}
