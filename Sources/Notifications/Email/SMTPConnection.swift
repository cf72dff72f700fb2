import NIOCore
import NIOSSL

/// The command/reply side of one SMTP connection over a NIO async channel, including the switch
/// to TLS after `STARTTLS`.
struct SMTPConnection {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let channel: any Channel
    private var buffered: [UInt8] = []
    /// Whether the connection is encrypted (implicit TLS or after STARTTLS).
    private(set) var secure: Bool

    init(
        channel asyncChannel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, secure: Bool
    ) {
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.channel = asyncChannel.channel
        self.secure = secure
    }

    /// Reads a reply and checks its code.
    /// - Parameter label: names the command in errors (never its arguments, which may be secrets).
    @discardableResult
    mutating func expect(_ codes: ClosedRange<Int>, after label: String) async throws -> SMTPReply {
        let reply = try await readReply()
        guard codes.contains(reply.code) else { throw reply.failure(after: label) }
        return reply
    }

    /// Sends one command line and checks the reply.
    @discardableResult
    mutating func command(_ line: String, expecting codes: ClosedRange<Int>, label: String? = nil) async throws -> SMTPReply {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await expect(codes, after: label ?? line)
    }

    /// Sends the dot-stuffed message and checks that the server took it.
    mutating func sendData(_ block: String) async throws {
        try await outbound.write(ByteBuffer(string: block))
        try await expect(250...250, after: "end of DATA")
    }

    /// Puts TLS under the connection after the server's `220` to `STARTTLS`. Anything the server
    /// sent before the handshake is refused, as it could be injected plaintext.
    mutating func startTLS(context: NIOSSLContext, serverHostname: String?) async throws {
        guard buffered.isEmpty else { throw DeliveryFailure.permanent("the server sent data before the TLS handshake") }
        let channel = self.channel
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverHostname), position: .first)
        }.get()
        secure = true
    }

    private mutating func readReply() async throws -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try await readLine()
            guard line.utf8.count >= 3, let code = Int(line.prefix(3)) else {
                throw DeliveryFailure.transient("not an SMTP reply: \(line.prefix(100))")
            }
            lines.append(String(line.dropFirst(4)))
            if line.utf8.count == 3 || line.dropFirst(3).first == " " { return SMTPReply(code: code, lines: lines) }
        }
    }

    private mutating func readLine() async throws -> String {
        while true {
            if let end = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffered[..<end]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                buffered.removeFirst(end + 1)
                return String(decoding: line, as: UTF8.self)
            }
            guard buffered.count < 8192 else { throw DeliveryFailure.transient("SMTP reply line too long") }
            guard let chunk = try await inbound.next() else { throw DeliveryFailure.transient("the SMTP server closed the connection") }
            buffered.append(contentsOf: chunk.readableBytesView)
        }
    }
}
