/// A receiver of signed webhooks (HMAC-SHA256 over timestamp and body).
public struct WebhookSettings: Hashable, Codable, Sendable {
    public let url: String
    public let secret: SecretReference
    /// Event kinds to deliver; `*` means all.
    public let events: [String]

    public init(url: String, secret: SecretReference, events: [String] = ["*"]) {
        self.url = url
        self.secret = secret
        self.events = events
    }
}
