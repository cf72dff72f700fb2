import Crypto
import DepotModel
import Foundation
import Notifications
import Storage
import TestSupport
import Testing

/// Webhooks and the SMS gateway against a real HTTP receiver on loopback.
@Suite("HTTP channels")
struct HTTPChannelTests {
    static func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// Recomputes the signature the way a receiver would, independently of `WebhookSignature`.
    static func verifies(_ request: HTTPReceiver.Request, secret: String) -> Bool {
        guard let timestamp = request.headers["x-busbar-timestamp"], let signature = request.headers["x-busbar-signature"] else { return false }
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(timestamp.utf8) + Data(".".utf8) + request.body, using: SymmetricKey(data: Data(secret.utf8)))
        return signature == "sha256=" + hex(mac)
    }

    @Test func aWebhookIsSignedWithItsSecretAndTimestamp() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let clock = ManualClock(Fixture.t0)
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: try database.open(), clock: clock)
            let fault = IncidentKey(depot: "nord", kind: "fault", subject: .connector("NORD-A01", 2))
            let step = EscalationStep(channel: .webhook, recipientGroup: "night-shift", severity: .critical, text: "GroundFailure on NORD-A01/2")
            #expect(try await notifier.raise(fault, tenant: Fixture.hochbahn, steps: [step], at: Fixture.t0).enqueued == 2)
            try await notifier.deliverDue()
            let requests = receiver.requests.sorted { $0.path < $1.path }
            #expect(requests.map(\.path) == ["/hooks/erp", "/hooks/fms"])
            #expect(Self.verifies(requests[0], secret: "erp-secret"))
            #expect(Self.verifies(requests[1], secret: "fms-secret"))
            #expect(!Self.verifies(requests[1], secret: "erp-secret"))
            #expect(requests[1].headers["x-busbar-timestamp"] == "1800000000")
            #expect(requests[1].headers["content-type"] == "application/json")
            let body = try requests[1].json()
            #expect(body["kind"] == "fault")
            #expect(body["depot"] == "nord")
            #expect(body["tenant"] == "hochbahn")
            #expect(body["severity"] == "critical")
            #expect(body["text"] == "GroundFailure on NORD-A01/2")
            #expect(body["incident"] == "fault|connector:NORD-A01/2")
            #expect(body["id"] == requests[1].headers["idempotency-key"])
            // The public helper computes the same value a receiver checks.
            let timestamp = try #require(requests[1].headers["x-busbar-timestamp"])
            #expect(
                WebhookSignature.sign(body: requests[1].body, timestamp: timestamp, secret: "fms-secret") == requests[1].headers["x-busbar-signature"]
            )
        }
    }

    @Test func aRetryAfterA500CarriesTheSameIdempotencyKey() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            receiver.answer(500)
            let clock = ManualClock(Fixture.t0)
            let store = try database.open()
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: store, clock: clock)
            _ = try await notifier.raise(
                Fixture.offline, steps: [EscalationStep(channel: .webhook, recipientGroup: "night-shift", text: "offline")], at: Fixture.t0)
            try await notifier.deliverDue()
            let retryAt = try #require(try await store.nextOutboxDueDate(depot: "nord"))
            clock.advance(by: retryAt.timeIntervalSince(clock.now()))
            try await notifier.deliverDue()
            let requests = receiver.requests
            #expect(requests.count == 2)
            let keys = requests.compactMap { $0.headers["idempotency-key"] }
            #expect(keys.count == 2 && keys[0] == keys[1])
            // Same body, fresh timestamp and signature on the retry; both verify.
            #expect(requests[0].body == requests[1].body)
            #expect(requests[0].headers["x-busbar-timestamp"] != requests[1].headers["x-busbar-timestamp"])
            #expect(requests.allSatisfy { Self.verifies($0, secret: "fms-secret") })
            let entry = try #require(try await store.outboxEntries(depot: "nord").first)
            #expect(entry.id == keys[0])
            #expect(entry.status == .sent)
            #expect(entry.attempts == 2)
        }
    }

    @Test func anSMSCarriesNumberTextAndBearerToken() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: try database.open(), clock: ManualClock(Fixture.t0))
            let step = EscalationStep(channel: .sms, recipientGroup: "duty-manager", severity: .warning, text: "bus-42 at 61 %, departs 05:30")
            _ = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: [step], at: Fixture.t0)
            try await notifier.deliverDue()
            let request = try #require(receiver.requests.first)
            #expect(request.path == "/sms")
            #expect(request.headers["authorization"] == "Bearer sms-token")
            let body = try request.json()
            #expect(body["to"] == "+4940999")
            #expect(body["text"] == "bus-42 at 61 %, departs 05:30")
            #expect(body["reference"] != nil)
        }
    }

    @Test func anUnreadableSecretIsRetriedNotLost() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let depot = Fixture.depot(receiver: receiver)
            let store = try database.open()
            let transports = NotificationTransports(
                sms: SMSGateway(settings: depot.notifications.sms!, secrets: { _ in throw Fixture.MissingSecret() }))
            let notifier = Notifier(depot: depot, store: store, transports: transports, clock: ManualClock(Fixture.t0), logger: Fixture.logger)
            _ = try await notifier.raise(
                Fixture.offline, tenant: Fixture.hochbahn, steps: [EscalationStep(channel: .sms, recipientGroup: "duty-manager", text: "x")],
                at: Fixture.t0)
            try await notifier.deliverDue()
            #expect(receiver.requests.isEmpty)
            let entry = try #require(try await store.outboxEntries(depot: "nord").first)
            #expect(entry.status == .pending)
            #expect(entry.lastError?.contains("env:SMS_TOKEN") == true)
        }
    }
}
