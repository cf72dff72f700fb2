public import AsyncHTTPClient
public import DepotModel

/// The channels a depot can send through; a missing one means the depot file configures none.
public struct NotificationTransports: Sendable {
    public var email: (any NotificationTransport)?
    public var sms: (any NotificationTransport)?
    public var webhook: (any NotificationTransport)?

    public init(
        email: (any NotificationTransport)? = nil, sms: (any NotificationTransport)? = nil, webhook: (any NotificationTransport)? = nil
    ) {
        self.email = email
        self.sms = sms
        self.webhook = webhook
    }

    /// The real channels for a depot's `notifications:` settings.
    /// - Parameters:
    ///   - secrets: resolves the `_env`/`_file` references (the server's `SecretResolver`).
    ///   - httpClient: the client for the SMS gateway and webhooks.
    public static func live(settings: NotificationSettings, secrets: @escaping SecretLookup, httpClient: HTTPClient = .shared) -> Self {
        Self(
            email: settings.email.map { SMTPMailer(settings: $0, secrets: secrets) },
            sms: settings.sms.map { SMSGateway(settings: $0, secrets: secrets, httpClient: httpClient) },
            webhook: settings.webhooks.isEmpty ? nil : WebhookSender(webhooks: settings.webhooks, secrets: secrets, httpClient: httpClient))
    }

    /// The transport of a channel, if configured.
    public subscript(channel: NotificationChannel) -> (any NotificationTransport)? {
        switch channel {
        case .email: email
        case .sms: sms
        case .webhook: webhook
        }
    }
}
