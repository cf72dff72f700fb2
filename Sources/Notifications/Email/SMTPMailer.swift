public import DepotModel
import Foundation
import NIOCore
import NIOPosix
public import NIOSSL

/// Sends email notifications to the depot's SMTP relay (RFC 5321): EHLO, STARTTLS whenever the
/// server offers it (and failure when the settings require it and it is not offered), AUTH PLAIN
/// or LOGIN only over TLS, MAIL/RCPT/DATA with dot-stuffing, QUIT. Port 465 means implicit TLS
/// (RFC 8314). 4xx replies and network errors are transient, 5xx replies (such as a refused
/// login) permanent; the whole exchange has one timeout.
public struct SMTPMailer: NotificationTransport {
    let settings: SMTPSettings
    let secrets: SecretLookup
    let trustRoots: NIOSSLTrustRoots
    let timeout: Duration
    let clientName: String

    /// - Parameters:
    ///   - trustRoots: the CAs the server's certificate must chain to (the system's by default).
    ///   - timeout: for connecting and the whole exchange.
    ///   - clientName: the name given in EHLO; the machine's host name by default.
    public init(
        settings: SMTPSettings, secrets: @escaping SecretLookup, trustRoots: NIOSSLTrustRoots = .default, timeout: Duration = .seconds(30),
        clientName: String? = nil
    ) {
        self.settings = settings
        self.secrets = secrets
        self.trustRoots = trustRoots
        self.timeout = timeout
        self.clientName = clientName ?? ProcessInfo.processInfo.hostName
    }

    public func deliver(_ notification: OutgoingNotification) async throws {
        let message = try EmailMessage(
            from: settings.from, to: notification.recipient, subject: notification.subject, body: notification.text,
            date: notification.attemptAt, messageID: notification.id,
            extraHeaders: [("X-Busbar-Severity", notification.severity.rawValue), ("X-Busbar-Incident", notification.incidentKey)])
        let credentials = try readCredentials()
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = trustRoots
        let tls: NIOSSLContext
        do {
            tls = try NIOSSLContext(configuration: configuration)
        } catch {
            throw DeliveryFailure.permanent("TLS setup failed: \(error)")
        }
        let timeout = self.timeout
        let place = "\(settings.host):\(settings.port)"
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await send(message, credentials: credentials, tls: tls) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw DeliveryFailure.transient("\(place) did not finish within \(timeout)")
                }
                _ = try await group.next()
                group.cancelAll()
            }
        } catch let failure as DeliveryFailure {
            throw failure
        } catch {
            throw DeliveryFailure.transient("\(place): \(error)")
        }
    }

    private var implicitTLS: Bool { settings.port == 465 }

    /// SNI and certificate name: the host, unless it is an IP address (SNI forbids those).
    private var serverHostname: String? {
        (try? SocketAddress(ipAddress: settings.host, port: 0)) == nil ? settings.host : nil
    }

    private func readCredentials() throws(DeliveryFailure) -> (user: String, password: String)? {
        guard let username = settings.username else { return nil }
        guard let password = settings.password else { throw .permanent("the SMTP settings name a user but no password") }
        do {
            return (try secrets(username), try secrets(password))
        } catch {
            throw .transient("SMTP credentials cannot be read: \(error)")
        }
    }

    private func send(_ message: EmailMessage, credentials: (user: String, password: String)?, tls: NIOSSLContext) async throws {
        let implicitTLS = self.implicitTLS
        let serverHostname = self.serverHostname
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.nanoseconds(Int64(timeout.secondsValue * 1e9)))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverHostname))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var smtp = SMTPConnection(channel: channel, inbound: inbound, outbound: outbound, secure: implicitTLS)
            try await smtp.expect(220...220, after: "connect")
            var hello = try await smtp.command("EHLO \(clientName)", expecting: 250...250)
            if !smtp.secure && (settings.startTLS || hello.keywords.contains("STARTTLS")) {
                guard hello.keywords.contains("STARTTLS") else {
                    throw DeliveryFailure.permanent("\(settings.host) does not offer STARTTLS, which the settings require")
                }
                try await smtp.command("STARTTLS", expecting: 220...220)
                try await smtp.startTLS(context: tls, serverHostname: serverHostname)
                hello = try await smtp.command("EHLO \(clientName)", expecting: 250...250)
            }
            if let credentials {
                guard smtp.secure else { throw DeliveryFailure.permanent("refusing to send SMTP credentials without TLS") }
                try await authenticate(&smtp, credentials: credentials, offered: hello.authMechanisms)
            }
            try await smtp.command("MAIL FROM:<\(message.from)>", expecting: 250...250)
            try await smtp.command("RCPT TO:<\(message.to)>", expecting: 250...251)
            try await smtp.command("DATA", expecting: 354...354)
            try await smtp.sendData(message.dataBlock)
            // The message is accepted; a failing QUIT changes nothing.
            _ = try? await smtp.command("QUIT", expecting: 221...221)
        }
    }

    private func authenticate(_ smtp: inout SMTPConnection, credentials: (user: String, password: String), offered: Set<String>) async throws {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if offered.contains("PLAIN") {
            try await smtp.command(
                "AUTH PLAIN \(base64("\0\(credentials.user)\0\(credentials.password)"))", expecting: 235...235, label: "AUTH PLAIN")
        } else if offered.contains("LOGIN") {
            try await smtp.command("AUTH LOGIN", expecting: 334...334)
            try await smtp.command(base64(credentials.user), expecting: 334...334, label: "AUTH LOGIN user")
            try await smtp.command(base64(credentials.password), expecting: 235...235, label: "AUTH LOGIN password")
        } else {
            throw DeliveryFailure.permanent("\(settings.host) offers neither AUTH PLAIN nor AUTH LOGIN")
        }
    }
}
