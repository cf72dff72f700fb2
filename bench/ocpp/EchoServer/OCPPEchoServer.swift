import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging

/// The transport ceiling for the OCPP load benchmark: a WebSocket server on the same
/// Hummingbird/NIO stack and frame settings as `busbar serve` that answers every CALL
/// `[2,"id",action,payload]` with `[3,"id",{}]` and does nothing else, so Busbar/echo shows
/// what parsing, validation and the durable commit cost on top of the transport.
///
/// `OCPPEchoBench [port]` (default 0, a free one) prints `echo serving on 127.0.0.1:PORT` once
/// listening, the same shape of line `busbar serve` prints.
@main
struct OCPPEchoServer {
    /// Busbar's 1 MiB frame limit and 60 s server ping (ServerConfiguration's defaults).
    static let maxFrameSize = 1 << 20

    static func main() async throws {
        let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 0
        var logger = Logger(label: "ocpp-echo")
        logger.logLevel = .warning
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/ocpp/:stationId") { request, _ in
            let offered = request.headers[values: .secWebSocketProtocol].flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let version = offered.first(where: { $0 == "ocpp1.6" || $0 == "ocpp2.0.1" }) else { return .dontUpgrade }
            return .upgrade([.secWebSocketProtocol: version])
        } onUpgrade: { inbound, outbound, _ in
            for try await message in inbound.messages(maxSize: maxFrameSize) {
                guard case .text(let text) = message, let reply = result(answering: text) else { continue }
                try await outbound.write(.text(reply))
            }
        }
        let application = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router, configuration: .init(ws: .init(maxFrameSize: maxFrameSize, autoPing: .enabled(timePeriod: .seconds(60))))),
            configuration: .init(address: .hostname("127.0.0.1", port: port), backlog: 4096),
            onServerRunning: { channel in
                FileHandle.standardOutput.write(Data("echo serving on 127.0.0.1:\(channel.localAddress?.port ?? port)\n".utf8))
            },
            logger: logger)
        try await application.runService()
    }

    /// `[3,"id",{}]` for a frame that starts `[2,"id"`, found by scanning for the first two quotes
    /// rather than decoding JSON: the baseline must cost no more than the transport.
    static func result(answering frame: String) -> String? {
        let utf8 = frame.utf8
        guard utf8.starts(with: "[2,".utf8), let open = utf8.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let idStart = utf8.index(after: open)
        guard let close = utf8[idStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return "[3,\"\(frame[idStart..<close])\",{}]"
    }
}
