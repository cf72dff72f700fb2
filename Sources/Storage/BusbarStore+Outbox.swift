public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// Opens an incident with its outbox entries in one transaction, unless an unresolved incident
    /// with the same depot and key exists, in which case nothing is written. Committed on return.
    /// - Parameters:
    ///   - incident: the new incident (its id is assigned here).
    ///   - entries: one entry per step and recipient; their `incidentID` is set here.
    public func openIncident(_ incident: IncidentRecord, entries: [OutboxEntryRecord]) async throws -> IncidentOpening {
        try await writer.write { db in
            if let existing = try Self.unresolvedIncident(db, depot: incident.depotID, key: incident.incidentKey) {
                return .alreadyOpen(existing)
            }
            var stored = incident
            try stored.insert(db)
            for var entry in entries {
                entry.incidentID = stored.id ?? 0
                try entry.insert(db)
            }
            return .opened(stored)
        }
    }

    /// The unresolved (open or acknowledged) incident of a depot with this key, if any.
    public func unresolvedIncident(depot: DepotID, key: String) async throws -> IncidentRecord? {
        try await writer.read { db in try Self.unresolvedIncident(db, depot: depot.rawValue, key: key) }
    }

    /// Marks the unresolved incident acknowledged and cancels its pending entries, so the ladder
    /// stops climbing. Acknowledging twice keeps the first acknowledgement.
    /// - Returns: the incident, or nil when no unresolved incident has this key.
    public func acknowledgeIncident(depot: DepotID, key: String, by person: String, at instant: Date) async throws -> IncidentRecord? {
        try await writer.write { db in
            guard var incident = try Self.unresolvedIncident(db, depot: depot.rawValue, key: key) else { return nil }
            if incident.status == .open {
                incident.status = .acknowledged
                incident.acknowledgedAt = instant
                incident.acknowledgedBy = person
                try incident.update(db)
            }
            try Self.cancelPendingEntries(db, incident: incident)
            return incident
        }
    }

    /// Marks the unresolved incident resolved and cancels its pending entries; a later raise of the
    /// same key opens a new incident.
    /// - Returns: the incident, or nil when no unresolved incident has this key.
    public func resolveIncident(depot: DepotID, key: String, at instant: Date) async throws -> IncidentRecord? {
        try await writer.write { db in
            guard var incident = try Self.unresolvedIncident(db, depot: depot.rawValue, key: key) else { return nil }
            incident.status = .resolved
            incident.resolvedAt = instant
            try incident.update(db)
            try Self.cancelPendingEntries(db, incident: incident)
            return incident
        }
    }

    /// A depot's pending entries due at or before `instant`, oldest due first.
    public func dueOutboxEntries(depot: DepotID, at instant: Date, limit: Int = 100) async throws -> [OutboxEntryRecord] {
        try await writer.read { db in
            try OutboxEntryRecord
                .filter(Column("depot_id") == depot.rawValue && Column("status") == OutboxEntryStatus.pending.rawValue)
                .filter(Column("due_at") <= instant)
                .order(Column("due_at"), Column("id"))
                .limit(max(limit, 0))
                .fetchAll(db)
        }
    }

    /// When the depot's next pending entry is due, or nil when nothing is pending.
    public func nextOutboxDueDate(depot: DepotID) async throws -> Date? {
        try await writer.read { db in
            try Date.fetchOne(
                db, sql: "SELECT MIN(due_at) FROM outbox_entry WHERE depot_id = ? AND status = ?",
                arguments: [depot.rawValue, OutboxEntryStatus.pending.rawValue])
        }
    }

    /// Records one delivery attempt and its consequence in one transaction. A success is recorded
    /// even when the entry was cancelled meanwhile (the message did go out); a retry or failure
    /// leaves a cancelled entry cancelled. `followUp`, the next occurrence of a repeating step, is
    /// enqueued only when the entry reached an end (sent or failed) and its incident is still open.
    public func recordDeliveryAttempt(
        entryID: String, at instant: Date, outcome: DeliveryOutcome, followUp: OutboxEntryRecord? = nil
    )
        async throws
    {
        try await writer.write { db in
            guard var entry = try OutboxEntryRecord.fetchOne(db, key: entryID) else { return }
            entry.attempts += 1
            entry.lastAttemptAt = instant
            var attempt = DeliveryAttemptRecord(entryID: entryID, at: instant, outcome: .sent, error: nil)
            switch outcome {
            case .sent:
                entry.status = .sent
                entry.sentAt = instant
            case .retry(let next, let error):
                entry.lastError = error
                attempt.error = error
                attempt.outcome = .pending
                if entry.status == .pending { entry.dueAt = next }
            case .failed(let error):
                entry.lastError = error
                attempt.error = error
                attempt.outcome = .failed
                if entry.status == .pending { entry.status = .failed }
            }
            try entry.update(db)
            try attempt.insert(db)
            guard var followUp, entry.status == .sent || entry.status == .failed,
                let incident = try IncidentRecord.fetchOne(db, key: entry.incidentID), incident.status == .open
            else { return }
            followUp.incidentID = entry.incidentID
            try followUp.insert(db)
        }
    }

    /// A depot's outbox entries, newest first, optionally of one tenant and one status (REST API).
    public func outboxEntries(
        depot: DepotID, tenant: TenantID? = nil, status: OutboxEntryStatus? = nil, limit: Int = 100
    ) async throws
        -> [OutboxEntryRecord]
    {
        try await writer.read { db in
            var request = OutboxEntryRecord.filter(Column("depot_id") == depot.rawValue)
            if let tenant { request = request.filter(Column("tenant_id") == tenant.rawValue) }
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.order(Column("first_due_at").desc, Column("step_index"), Column("id")).limit(max(limit, 0)).fetchAll(db)
        }
    }

    /// A depot's incidents, newest first, optionally of one tenant and one status (REST API).
    public func incidents(
        depot: DepotID, tenant: TenantID? = nil, status: IncidentStatus? = nil, limit: Int = 100
    ) async throws
        -> [IncidentRecord]
    {
        try await writer.read { db in
            var request = IncidentRecord.filter(Column("depot_id") == depot.rawValue)
            if let tenant { request = request.filter(Column("tenant_id") == tenant.rawValue) }
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.order(Column("raised_at").desc, Column("id").desc).limit(max(limit, 0)).fetchAll(db)
        }
    }

    /// Every attempt made for one entry, oldest first.
    public func deliveryAttempts(entryID: String) async throws -> [DeliveryAttemptRecord] {
        try await writer.read { db in
            try DeliveryAttemptRecord.filter(Column("entry_id") == entryID).order(Column("at"), Column("id")).fetchAll(db)
        }
    }

    private static func unresolvedIncident(_ db: Database, depot: String, key: String) throws -> IncidentRecord? {
        try IncidentRecord
            .filter(Column("depot_id") == depot && Column("incident_key") == key)
            .filter(Column("status") != IncidentStatus.resolved.rawValue)
            .fetchOne(db)
    }

    private static func cancelPendingEntries(_ db: Database, incident: IncidentRecord) throws {
        try db.execute(
            sql: "UPDATE outbox_entry SET status = ? WHERE incident_id = ? AND status = ?",
            arguments: [OutboxEntryStatus.cancelled.rawValue, incident.id, OutboxEntryStatus.pending.rawValue])
    }
}
