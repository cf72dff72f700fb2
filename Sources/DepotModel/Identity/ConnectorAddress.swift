/// One connector of one charger: the unit Busbar limits, reserves and meters.
///
/// OCPP 1.6 numbers connectors per station from 1; 2.0.1 has EVSEs with connectors, which Busbar
/// maps to the same number (one connector per EVSE at a bus depot, the usual case).
public struct ConnectorAddress: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let charger: ChargerID
    public let connector: Int

    public init(charger: ChargerID, connector: Int) {
        self.charger = charger
        self.connector = connector
    }

    public var description: String { "\(charger)#\(connector)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.charger, lhs.connector) < (rhs.charger, rhs.connector)
    }
}
