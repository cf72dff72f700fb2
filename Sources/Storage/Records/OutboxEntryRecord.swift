public import Foundation
public import GRDB

/// One row of `outbox_entry`: one message to one concrete recipient (an email address, a phone
/// number or a webhook URL), written before anything is sent (docs/reliability.md §1) and retried from
/// here, also after a restart.
public struct OutboxEntryRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "outbox_entry"

    /// A UUID; also the webhook `Idempotency-Key`, stable across retries.
    public var id: String
    /// Set by `openIncident` to the incident the entry belongs to.
    public var incidentID: Int64
    public var depotID: String
    public var tenantID: String?
    /// The incident's event kind, copied so an entry is a complete message on its own.
    public var eventKind: String
    /// The incident's key text, copied for the same reason.
    public var incidentKey: String
    /// The position of the escalation step in the policy's list.
    public var stepIndex: Int
    /// `email`, `sms` or `webhook`.
    public var channel: String
    public var recipient: String
    /// `info`, `warning` or `critical`.
    public var severity: String
    /// The one-line summary (email subject).
    public var subject: String
    public var text: String
    public var status: OutboxEntryStatus
    /// When the entry is to be (re)tried next.
    public var dueAt: Date
    /// When the entry was first due; its age for giving up counts from here.
    public var firstDueAt: Date
    /// The repeat interval while the incident stays open, if the step repeats.
    public var repeatSeconds: Int?
    public var attempts: Int
    public var lastAttemptAt: Date?
    public var lastError: String?
    public var sentAt: Date?

    public init(
        id: String, incidentID: Int64 = 0, depotID: String, tenantID: String?, eventKind: String, incidentKey: String, stepIndex: Int,
        channel: String, recipient: String, severity: String, subject: String, text: String, status: OutboxEntryStatus = .pending, dueAt: Date,
        firstDueAt: Date, repeatSeconds: Int?,
        attempts: Int = 0, lastAttemptAt: Date? = nil, lastError: String? = nil, sentAt: Date? = nil
    ) {
        self.id = id
        self.incidentID = incidentID
        self.depotID = depotID
        self.tenantID = tenantID
        self.eventKind = eventKind
        self.incidentKey = incidentKey
        self.stepIndex = stepIndex
        self.channel = channel
        self.recipient = recipient
        self.severity = severity
        self.subject = subject
        self.text = text
        self.status = status
        self.dueAt = dueAt
        self.firstDueAt = firstDueAt
        self.repeatSeconds = repeatSeconds
        self.attempts = attempts
        self.lastAttemptAt = lastAttemptAt
        self.lastError = lastError
        self.sentAt = sentAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case incidentID = "incident_id"
        case depotID = "depot_id"
        case tenantID = "tenant_id"
        case eventKind = "event_kind"
        case incidentKey = "incident_key"
        case stepIndex = "step_index"
        case channel, recipient, severity, subject, text, status
        case dueAt = "due_at"
        case firstDueAt = "first_due_at"
        case repeatSeconds = "repeat_s"
        case attempts
        case lastAttemptAt = "last_attempt_at"
        case lastError = "last_error"
        case sentAt = "sent_at"
    }
}
