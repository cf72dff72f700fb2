public import AsyncHTTPClient
public import DepotModel
import Foundation
import NIOCore

/// Delivers webhook notifications: a JSON body signed with the webhook's secret (see
/// `WebhookSignature`), with an `Idempotency-Key` that stays the same across retries.
public struct WebhookSender: NotificationTransport {
    /// The body of every webhook; keys are sorted so the signed bytes are reproducible.
    struct Payload: Codable, Hashable {
        let id: String
        let depot: String
        let tenant: String?
        let kind: String
        let incident: String
        let severity: String
        let subject: String
        let text: String
    }

    let webhooks: [WebhookSettings]
    let secrets: SecretLookup
    let poster: JSONPoster

    /// - Parameters:
    ///   - webhooks: the depot's webhooks; an entry's recipient is one of their URLs.
    ///   - timeout: for the whole request.
    public init(webhooks: [WebhookSettings], secrets: @escaping SecretLookup, httpClient: HTTPClient = .shared, timeout: Duration = .seconds(15)) {
        self.webhooks = webhooks
        self.secrets = secrets
        self.poster = JSONPoster(client: httpClient, timeout: .nanoseconds(Int64(timeout.secondsValue * 1e9)))
    }

    public func deliver(_ notification: OutgoingNotification) async throws {
        guard let webhook = webhooks.first(where: { $0.url == notification.recipient }) else {
            throw DeliveryFailure.permanent("webhook \(notification.recipient) is no longer configured")
        }
        let secret: String
        do {
            secret = try secrets(webhook.secret)
        } catch {
            throw DeliveryFailure.transient("webhook secret \(webhook.secret) cannot be read: \(error)")
        }
        let payload = Payload(
            id: notification.id, depot: notification.depot.rawValue, tenant: notification.tenant?.rawValue, kind: notification.kind,
            incident: notification.incidentKey, severity: notification.severity.rawValue, subject: notification.subject, text: notification.text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(payload)
        let timestamp = String(Int(notification.attemptAt.timeIntervalSince1970))
        try await poster.post(
            body, to: webhook.url,
            headers: [
                ("X-Busbar-Timestamp", timestamp),
                ("X-Busbar-Signature", WebhookSignature.sign(body: body, timestamp: timestamp, secret: secret)),
                ("Idempotency-Key", notification.id),
            ])
    }
}
