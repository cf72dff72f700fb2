import DepotModel

/// One rung of an escalation ladder: what the `escalation` policy asked for (docs/policy-api.md), in
/// Notifications' own terms so this target does not depend on the policy engine. The depot
/// runtime maps each `EscalationMessage` to a step.
public struct EscalationStep: Hashable, Sendable {
    public var channel: NotificationChannel
    /// A recipient group of the depot file (`recipients:` of a tenant). Webhook steps go to every
    /// configured webhook that selects the incident's kind, whatever the group.
    public var recipientGroup: String
    /// How long after the raise the step is due (`after_s`).
    public var delay: Duration
    public var severity: NotificationSeverity
    public var text: String
    /// Keep sending every `repeatInterval` while the incident is open (`until_resolved`).
    public var untilResolved: Bool
    /// `repeat_s`; only used together with `untilResolved`.
    public var repeatInterval: Duration?

    public init(
        channel: NotificationChannel, recipientGroup: String, delay: Duration = .zero, severity: NotificationSeverity = .info, text: String,
        untilResolved: Bool = false, repeatInterval: Duration? = nil
    ) {
        self.channel = channel
        self.recipientGroup = recipientGroup
        self.delay = delay
        self.severity = severity
        self.text = text
        self.untilResolved = untilResolved
        self.repeatInterval = repeatInterval
    }

    /// The repeat interval in whole seconds when the step repeats: `until_resolved` with a
    /// positive `repeat_s`. `until_resolved` alone sends once (there is no interval to repeat at).
    var repeatSeconds: Int? {
        guard untilResolved, let repeatInterval, repeatInterval > .zero else { return nil }
        return max(1, Int(repeatInterval.secondsValue.rounded()))
    }
}
