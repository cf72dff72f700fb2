/// The ways Busbar reaches people and systems (docs/policy-api.md, `escalation`).
public enum NotificationChannel: String, Hashable, Codable, Sendable, CaseIterable {
    case email
    case sms
    case webhook
}
