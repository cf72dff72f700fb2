public import DepotConfig

/// How `BusbarApplication.build` sets up one listener; defaults follow docs/ocpp.md §9–§11.
public struct ServerConfiguration: Sendable {
    public var address: String
    /// 0 picks a free port (tests).
    public var port: Int
    /// Plain or TLS; stations must match it with their security profile.
    public var listener: ListenerKind
    /// Certificate and key for a TLS listener (`listener == .tls`).
    public var tls: TLSSettings?
    /// Frames and messages above this close the connection with 1009 (docs/ocpp.md §11: 1 MiB).
    public var maxFrameSize: Int
    /// Server-side WebSocket ping period; a peer that misses one is evicted one period later.
    public var pingInterval: Duration
    /// Raised from Hummingbird's 256 for reconnect storms (docs/ocpp.md §10).
    public var backlog: Int
    /// Sustained inbound frames per second per station, and the burst allowed above it.
    public var inboundRate: Double
    public var inboundBurst: Double

    public init(
        address: String = "0.0.0.0", port: Int = 8180, listener: ListenerKind = .plain(allowUnauthenticated: false), tls: TLSSettings? = nil,
        maxFrameSize: Int = 1 << 20, pingInterval: Duration = .seconds(60), backlog: Int = 4096, inboundRate: Double = 50,
        inboundBurst: Double = 200
    ) {
        self.address = address
        self.port = port
        self.listener = listener
        self.tls = tls
        self.maxFrameSize = maxFrameSize
        self.pingInterval = pingInterval
        self.backlog = backlog
        self.inboundRate = inboundRate
        self.inboundBurst = inboundBurst
    }

    /// The configuration of a listener of `config/busbar.yaml`.
    public init(_ listener: ListenerSettings) {
        self.init(
            address: listener.address, port: listener.port,
            listener: listener.tls == nil ? .plain(allowUnauthenticated: listener.allowUnauthenticated && listener.isLoopback) : .tls,
            tls: listener.tls)
    }
}
