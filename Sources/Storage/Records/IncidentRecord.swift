public import Foundation
public import GRDB

/// One row of `incident`: a condition operators are being told about, from the moment it is
/// raised until someone acknowledges it or it resolves. At most one unresolved row exists per
/// depot and key, which is what deduplicates repeated raises of the same condition.
public struct IncidentRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "incident"

    public var id: Int64?
    public var depotID: String
    /// The incident's stable key (depot, kind, subject, detail) as text.
    public var incidentKey: String
    /// The event kind (`charger_offline`, …), for filtering and webhook event selection.
    public var kind: String
    /// The tenant the incident concerns, if one does.
    public var tenantID: String?
    public var status: IncidentStatus
    public var raisedAt: Date
    public var acknowledgedAt: Date?
    /// Who acknowledged (a user name or API token name).
    public var acknowledgedBy: String?
    public var resolvedAt: Date?

    public init(
        id: Int64? = nil, depotID: String, incidentKey: String, kind: String, tenantID: String?, status: IncidentStatus = .open,
        raisedAt: Date, acknowledgedAt: Date? = nil, acknowledgedBy: String? = nil, resolvedAt: Date? = nil
    ) {
        self.id = id
        self.depotID = depotID
        self.incidentKey = incidentKey
        self.kind = kind
        self.tenantID = tenantID
        self.status = status
        self.raisedAt = raisedAt
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
        self.resolvedAt = resolvedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case depotID = "depot_id"
        case incidentKey = "incident_key"
        case kind
        case tenantID = "tenant_id"
        case status
        case raisedAt = "raised_at"
        case acknowledgedAt = "acknowledged_at"
        case acknowledgedBy = "acknowledged_by"
        case resolvedAt = "resolved_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
