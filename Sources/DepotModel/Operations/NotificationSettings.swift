/// The channels a depot's escalation policy can send through. Secrets are references only.
public struct NotificationSettings: Hashable, Codable, Sendable {
    public let email: SMTPSettings?
    public let sms: SMSGatewaySettings?
    public let webhooks: [WebhookSettings]

    public init(email: SMTPSettings? = nil, sms: SMSGatewaySettings? = nil, webhooks: [WebhookSettings] = []) {
        self.email = email
        self.sms = sms
        self.webhooks = webhooks
    }
}
