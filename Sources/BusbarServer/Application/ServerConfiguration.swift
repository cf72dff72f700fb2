/// How `buildApplication` sets up the listener; defaults follow ocpp.md §9–§11.
public struct ServerConfiguration: Sendable {
    public var address: String
    /// 0 picks a free port (tests).
    public var port: Int
    public var listener: ListenerKind
    /// Frames and messages above this close the connection with 1009 (ocpp.md §11: 1 MiB).
    public var maxFrameSize: Int
    /// Server-side WebSocket ping period; a peer that misses one is evicted one period later.
    public var pingInterval: Duration
    /// Raised from Hummingbird's 256 for reconnect storms (ocpp.md §10).
    public var backlog: Int

    public init(
        address: String = "0.0.0.0", port: Int = 8180, listener: ListenerKind = .plain(allowUnauthenticated: false),
        maxFrameSize: Int = 1 << 20, pingInterval: Duration = .seconds(60), backlog: Int = 4096
    ) {
        self.address = address
        self.port = port
        self.listener = listener
        self.maxFrameSize = maxFrameSize
        self.pingInterval = pingInterval
        self.backlog = backlog
    }
}
