import DepotModel
import Foundation
import NIOSSL
import Notifications
import Storage
import TestSupport
import Testing

/// Email against a real SMTP server on loopback (aiosmtpd with STARTTLS and AUTH).
@Suite("SMTP channel")
struct SMTPTests {
    let database: TemporaryDatabase

    init() throws { database = try TemporaryDatabase() }

    static func settings(port: Int) -> SMTPSettings {
        SMTPSettings(
            host: "localhost", port: port, startTLS: true, from: "busbar@stadtbus.example", username: .environment("SMTP_USER"),
            password: .environment("SMTP_PASSWORD"))
    }

    static func notification(text: String, to recipient: String = "leitstelle@example.org") -> OutgoingNotification {
        OutgoingNotification(
            id: "6F1C2D3E-0000-4000-8000-000000000001", depot: "nord", tenant: Fixture.hochbahn, kind: "charger_offline",
            incidentKey: "charger_offline|charger:NORD-A01", channel: .email, recipient: recipient, severity: .critical,
            subject: "[CRITICAL] nord charger_offline: NORD-A01 is offline", text: text, attemptAt: Fixture.t0)
    }

    @Test func anEscalationEmailArrivesOverSTARTTLSWithAuthentication() async throws {
        defer { database.remove() }
        let server = try SMTPTestServer(folder: database.folder)
        defer { server.stop() }
        let (port, certificate) = (server.port, server.certificatePath)
        let entry = try await HTTPReceiver.run { receiver in
            let depot = Fixture.depot(receiver: receiver, smtp: Self.settings(port: port))
            let store = try database.open()
            let notifier = Fixture.notifier(depot: depot, store: store, clock: ManualClock(Fixture.t0), trustedCertificate: certificate)
            let step = EscalationStep(channel: .email, recipientGroup: "night-shift", severity: .critical, text: "NORD-A01 is offline since 02:10.")
            _ = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: [step], at: Fixture.t0)
            #expect(try await notifier.deliverDue() == 1)
            return try #require(try await store.outboxEntries(depot: "nord").first)
        }
        #expect(entry.status == .sent, "\(entry.lastError ?? "")")
        let mail = try #require(try server.messages().first)
        #expect(mail.tls)
        #expect(mail.user == "busbar")
        #expect(mail.mail_from == "busbar@stadtbus.example")
        #expect(mail.rcpt_tos == ["leitstelle@example.org"])
        #expect(mail.header("From") == "busbar@stadtbus.example")
        #expect(mail.header("To") == "leitstelle@example.org")
        #expect(mail.header("Subject") == "[CRITICAL] nord charger_offline: NORD-A01 is offline since 02:10.")
        #expect(mail.header("Date") == "Fri, 15 Jan 2027 08:00:00 +0000")
        #expect(mail.header("Message-ID") == "<\(entry.id)@stadtbus.example>")
        #expect(mail.header("X-Busbar-Severity") == "critical")
        #expect(mail.header("X-Busbar-Incident") == "charger_offline|charger:NORD-A01")
        #expect(mail.body.trimmingCharacters(in: .newlines) == "NORD-A01 is offline since 02:10.")
    }

    @Test func linesStartingWithADotSurviveDotStuffing() async throws {
        defer { database.remove() }
        let server = try SMTPTestServer(folder: database.folder)
        defer { server.stop() }
        let mailer = SMTPMailer(settings: Self.settings(port: server.port), secrets: Fixture.secrets, trustRoots: .file(server.certificatePath))
        let text = "Chargers offline:\n.NORD-A01\n.\n..two dots\nend"
        try await mailer.deliver(Self.notification(text: text))
        let mail = try #require(try server.messages().first)
        #expect(mail.body.trimmingCharacters(in: .newlines) == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func aNonASCIISubjectAndBodyAreEncoded() async throws {
        defer { database.remove() }
        let server = try SMTPTestServer(folder: database.folder)
        defer { server.stop() }
        let mailer = SMTPMailer(settings: Self.settings(port: server.port), secrets: Fixture.secrets, trustRoots: .file(server.certificatePath))
        var notification = Self.notification(text: "Ladesäule NORD-A01 gestört")
        notification = OutgoingNotification(
            id: notification.id, depot: notification.depot, tenant: notification.tenant, kind: notification.kind,
            incidentKey: notification.incidentKey, channel: .email, recipient: notification.recipient, severity: .warning,
            subject: "Störung NORD-A01", text: notification.text, attemptAt: notification.attemptAt)
        try await mailer.deliver(notification)
        let mail = try #require(try server.messages().first)
        #expect(mail.header("Subject") == "=?UTF-8?B?\(Data("Störung NORD-A01".utf8).base64EncodedString())?=")
        #expect(mail.header("Content-Transfer-Encoding") == "base64")
        let body = try #require(Data(base64Encoded: mail.body.trimmingCharacters(in: .whitespacesAndNewlines), options: .ignoreUnknownCharacters))
        #expect(String(decoding: body, as: UTF8.self) == "Ladesäule NORD-A01 gestört")
    }

    @Test func aRefusedLoginIsAPermanentFailure() async throws {
        defer { database.remove() }
        let server = try SMTPTestServer(folder: database.folder)
        defer { server.stop() }
        let wrongPassword: SecretLookup = { reference in reference == .environment("SMTP_PASSWORD") ? "wrong" : try Fixture.secrets(reference) }
        let mailer = SMTPMailer(settings: Self.settings(port: server.port), secrets: wrongPassword, trustRoots: .file(server.certificatePath))
        let failure = await #expect(throws: DeliveryFailure.self) { try await mailer.deliver(Self.notification(text: "x")) }
        guard case .permanent(let reason) = failure else {
            Issue.record("expected a permanent failure, got \(String(describing: failure))")
            return
        }
        #expect(reason.contains("535"))
        #expect(!reason.contains("wrong"))
        #expect(try server.messages().isEmpty)
    }

    @Test func withoutSTARTTLSNothingIsSentWhenTLSIsRequiredOrCredentialsWouldGoInClear() async throws {
        defer { database.remove() }
        let server = try SMTPTestServer(folder: database.folder, plain: true)
        defer { server.stop() }
        let requiresTLS = SMTPMailer(settings: Self.settings(port: server.port), secrets: Fixture.secrets)
        await #expect(throws: DeliveryFailure.permanent("localhost does not offer STARTTLS, which the settings require")) {
            try await requiresTLS.deliver(Self.notification(text: "x"))
        }
        let clearCredentials = SMTPMailer(
            settings: SMTPSettings(
                host: "localhost", port: server.port, startTLS: false, from: "busbar@stadtbus.example", username: .environment("SMTP_USER"),
                password: .environment("SMTP_PASSWORD")),
            secrets: Fixture.secrets)
        await #expect(throws: DeliveryFailure.permanent("refusing to send SMTP credentials without TLS")) {
            try await clearCredentials.deliver(Self.notification(text: "x"))
        }
        #expect(try server.messages().isEmpty)
        // Without credentials and without `starttls`, a plain relay is used as configured.
        let plainRelay = SMTPMailer(
            settings: SMTPSettings(host: "localhost", port: server.port, startTLS: false, from: "busbar@stadtbus.example"),
            secrets: Fixture.secrets)
        try await plainRelay.deliver(Self.notification(text: "x"))
        #expect(try server.messages().map(\.tls) == [false])
    }

    @Test func mailWaitsInTheOutboxWhileTheServerIsDown() async throws {
        defer { database.remove() }
        // Learn a free port, then take the server away.
        let first = try SMTPTestServer(folder: database.folder)
        let (port, certificate) = (first.port, first.certificatePath)
        first.stop()
        try await HTTPReceiver.run { receiver in
            let clock = ManualClock(Fixture.t0)
            let store = try database.open()
            let notifier = Fixture.notifier(
                depot: Fixture.depot(receiver: receiver, smtp: Self.settings(port: port)), store: store, clock: clock,
                trustedCertificate: certificate)
            let step = EscalationStep(channel: .email, recipientGroup: "duty-manager", severity: .critical, text: "NORD-A01 offline")
            _ = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: [step], at: Fixture.t0)
            try await notifier.deliverDue()
            let waiting = try #require(try await store.outboxEntries(depot: "nord").first)
            #expect(waiting.status == .pending)
            #expect(waiting.attempts == 1)
            #expect(waiting.lastError != nil)
            let server = try SMTPTestServer(folder: database.folder, port: port)
            defer { server.stop() }
            clock.advance(by: waiting.dueAt.timeIntervalSince(clock.now()))
            #expect(try await notifier.deliverDue() == 1)
            let sent = try #require(try await store.outboxEntries(depot: "nord").first)
            #expect(sent.status == .sent, "\(sent.lastError ?? "")")
            #expect(sent.attempts == 2)
            #expect(try server.messages().map(\.rcpt_tos) == [["chef@example.org"]])
        }
    }
}
