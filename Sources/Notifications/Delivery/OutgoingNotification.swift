public import DepotModel
public import Foundation

/// One message to one recipient as a channel sends it: everything comes from the outbox entry, so
/// a retry (also after a restart) sends the same message.
public struct OutgoingNotification: Hashable, Sendable {
    /// The outbox entry id: the email Message-ID's local part and the webhook `Idempotency-Key`.
    public let id: String
    public let depot: DepotID
    public let tenant: TenantID?
    /// The operational event kind (`charger_offline`, …).
    public let kind: String
    /// The incident's stable key text, so receivers can group messages of one incident.
    public let incidentKey: String
    public let channel: NotificationChannel
    /// An email address, a phone number or a webhook URL.
    public let recipient: String
    public let severity: NotificationSeverity
    /// A one-line summary: the email subject, the webhook `subject`.
    public let subject: String
    public let text: String
    /// When this attempt is made (the email `Date`, the webhook timestamp).
    public let attemptAt: Date

    public init(
        id: String, depot: DepotID, tenant: TenantID?, kind: String, incidentKey: String, channel: NotificationChannel, recipient: String,
        severity: NotificationSeverity, subject: String, text: String, attemptAt: Date
    ) {
        self.id = id
        self.depot = depot
        self.tenant = tenant
        self.kind = kind
        self.incidentKey = incidentKey
        self.channel = channel
        self.recipient = recipient
        self.severity = severity
        self.subject = subject
        self.text = text
        self.attemptAt = attemptAt
    }
}
