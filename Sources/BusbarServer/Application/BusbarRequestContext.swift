public import Hummingbird
public import HummingbirdWebSocket
import NIOCore

/// The request context of every Busbar route: Hummingbird's core context, the WebSocket handler
/// slot for upgrades, and the peer address (throttling counts failures per source address).
public struct BusbarRequestContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let webSocket: WebSocketHandlerReference<BusbarRequestContext>
    /// The peer's IP address, or `unknown` for non-IP channels.
    public let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
