public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// Stores policy decision records (one transaction for the batch), so they can be listed,
    /// explained and replayed. Records are append-only; a repeated id is ignored.
    public func recordDecisions(_ records: [PolicyDecisionRecord]) async throws {
        let rows = try records.map(PolicyDecisionRow.init)
        try await writer.write { db in
            for row in rows { try row.insert(db, onConflict: .ignore) }
        }
    }

    /// A depot's decisions in `[since, until)`, oldest first, optionally of one domain.
    public func decisions(
        depot: DepotID, domain: PolicyDomain? = nil, since: Date, until: Date? = nil, limit: Int = 1_000
    ) async throws
        -> [PolicyDecisionRecord]
    {
        try await writer.read { db in
            var request =
                PolicyDecisionRow
                .filter(Column("depot_id") == depot.rawValue)
                .filter(Column("now") >= since)
            if let domain { request = request.filter(Column("domain") == domain.rawValue) }
            if let until { request = request.filter(Column("now") < until) }
            return try request.order(Column("now"), Column("id")).limit(max(limit, 0)).fetchAll(db).map { try $0.record() }
        }
    }

    /// Deletes decisions older than `cutoff` (the retention window, 90 days by default).
    /// - Returns: how many were deleted.
    @discardableResult
    public func pruneDecisions(olderThan cutoff: Date) async throws -> Int {
        try await writer.write { db in
            try PolicyDecisionRow.filter(Column("now") < cutoff).deleteAll(db)
        }
    }
}
