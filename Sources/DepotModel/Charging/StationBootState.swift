/// Where a station stands in registration (docs/ocpp.md §2). Persisted, so a Busbar restart does not
/// lock out stations that were accepted and do not boot again.
public enum StationBootState: String, Hashable, Codable, Sendable, CaseIterable {
    case unknown
    case pending
    case accepted
    case rejected
}
