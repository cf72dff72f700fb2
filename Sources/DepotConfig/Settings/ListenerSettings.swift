/// One address Busbar listens on. Each listener serves OCPP, VDV 463, VDV 261, the API and the map
/// unless the operator splits them.
public struct ListenerSettings: Hashable, Sendable {
    public let address: String
    public let port: Int
    public let tls: TLSSettings?
    /// Security profile 0 (no station authentication); allowed on loopback listeners only.
    public let allowUnauthenticated: Bool

    public init(address: String, port: Int, tls: TLSSettings? = nil, allowUnauthenticated: Bool = false) {
        self.address = address
        self.port = port
        self.tls = tls
        self.allowUnauthenticated = allowUnauthenticated
    }

    /// Whether the address only accepts connections from this machine.
    public var isLoopback: Bool {
        address == "localhost" || address == "::1" || address.hasPrefix("127.")
    }
}
