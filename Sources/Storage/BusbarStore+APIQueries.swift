public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// A depot's finished transactions matching `query`, newest first (REST API session history).
    public func finishedTransactions(depot: DepotID, _ query: SessionQuery) async throws -> [ChargingTransactionRecord] {
        try await writer.read { db in
            var request = ChargingTransactionRecord.filter(Column("depot_id") == depot.rawValue && Column("stopped_at") != nil)
            if let tenant = query.tenant { request = request.filter(Column("tenant_id") == tenant.rawValue) }
            if let vehicle = query.vehicle { request = request.filter(Column("vehicle_id") == vehicle.rawValue) }
            if let station = query.station { request = request.filter(Column("station_id") == station.rawValue) }
            if let from = query.from { request = request.filter(Column("started_at") >= from) }
            if let until = query.until { request = request.filter(Column("started_at") < until) }
            return try request.order(Column("started_at").desc, Column("id").desc).limit(max(query.limit, 0)).fetchAll(db)
        }
    }

    /// One decision record of a depot by id.
    public func decision(depot: DepotID, id: UUID) async throws -> PolicyDecisionRecord? {
        try await writer.read { db in
            try PolicyDecisionRow.filter(Column("depot_id") == depot.rawValue && Column("id") == id.uuidString).fetchOne(db)
        }?.record()
    }

    /// One incident of a depot by id; with `tenant`, only when it concerns that tenant.
    public func incident(depot: DepotID, id: Int64, tenant: TenantID?) async throws -> IncidentRecord? {
        try await writer.read { db in
            var request = IncidentRecord.filter(Column("depot_id") == depot.rawValue && Column("id") == id)
            if let tenant { request = request.filter(Column("tenant_id") == tenant.rawValue) }
            return try request.fetchOne(db)
        }
    }
}
