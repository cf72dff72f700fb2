/// Where an incident stands; an escalation climbs its ladder only while it is `open`.
public enum IncidentStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case open
    /// Someone acted: pending and repeating notifications are cancelled, the incident stays on record.
    case acknowledged
    /// The condition cleared: pending and repeating notifications are cancelled.
    case resolved
}
