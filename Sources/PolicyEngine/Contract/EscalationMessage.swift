/// One notification an `escalation` policy asks for.
public struct EscalationMessage: Codable, Sendable, Hashable {
    /// The channels of docs/policy-api.md.
    public enum Channel: String, Codable, Sendable, CaseIterable {
        case email, sms, webhook
    }

    /// How urgent the message is; mirrors the notification severities.
    public enum Severity: String, Codable, Sendable, CaseIterable {
        case info, warning, critical
    }

    public var channel: Channel
    /// A recipient group of the depot file.
    public var to: String
    /// Delay before sending, seconds after the event.
    public var afterS: Int
    public var severity: Severity
    public var text: String
    /// Keep repeating every `repeatS` until the event is resolved.
    public var untilResolved: Bool
    public var repeatS: Int?

    public init(
        channel: Channel, to: String, afterS: Int = 0, severity: Severity = .info, text: String,
        untilResolved: Bool = false, repeatS: Int? = nil
    ) {
        self.channel = channel
        self.to = to
        self.afterS = afterS
        self.severity = severity
        self.text = text
        self.untilResolved = untilResolved
        self.repeatS = repeatS
    }
}
