/// A channel that can deliver one message (SMTP, SMS gateway, webhooks). The outbox only sees
/// this, so tests run the real channels against real servers on loopback.
public protocol NotificationTransport: Sendable {
    /// Sends one message. Throws `DeliveryFailure` to say whether a retry can help; any other
    /// error counts as transient.
    func deliver(_ notification: OutgoingNotification) async throws
}
