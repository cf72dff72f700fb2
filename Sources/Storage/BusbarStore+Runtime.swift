public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// The transactions of a depot that have not ended: after a restart the runtime takes them up
    /// again, so running sessions keep getting limits.
    public func openTransactions(depot: DepotID) async throws -> [ChargingTransactionRecord] {
        try await writer.read { db in
            try ChargingTransactionRecord.fetchAll(
                db, sql: "SELECT * FROM charging_transaction WHERE depot_id = ? AND stopped_at IS NULL ORDER BY id", arguments: [depot.rawValue])
        }
    }

    /// Records whose vehicle and tenant a transaction is, once the runtime identified them
    /// (reports and tenant-scoped views read these columns).
    public func attributeTransaction(station: ChargerID, key: String, vehicle: VehicleID?, tenant: TenantID?) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE charging_transaction SET vehicle_id = ?, tenant_id = ? WHERE station_id = ? AND transaction_key = ?",
                arguments: [vehicle?.rawValue, tenant?.rawValue, station.rawValue, key])
        }
    }

    /// Replaces every stored stay of one source of a depot with `entries`, in one transaction: a
    /// VDV 463 ProvideChargingRequests or a CSV import is applied whole or not at all.
    public func replaceTimetable(depot: DepotID, source: TimetableSource, entries: [TimetableEntry], at instant: Date) async throws {
        let key = Self.sourceKey(source)
        let encoder = JSONEncoder()
        let rows = try entries.map { entry in (entry, String(decoding: try encoder.encode(entry), as: UTF8.self)) }
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM timetable_entry WHERE depot_id = ? AND source = ?", arguments: [depot.rawValue, key])
            for (entry, json) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO timetable_entry (depot_id, id, source, vehicle_id, tenant_id, arrival, departure, entry, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        depot.rawValue, entry.id.rawValue, key, entry.vehicle.rawValue, entry.tenant.rawValue, entry.arrival, entry.departure, json,
                        instant,
                    ])
            }
        }
    }

    /// Every stored stay of a depot (REST API and VDV 463 sources).
    public func timetable(depot: DepotID) async throws -> [TimetableEntry] {
        let payloads = try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT entry FROM timetable_entry WHERE depot_id = ? ORDER BY arrival, id", arguments: [depot.rawValue])
        }
        let decoder = JSONDecoder()
        return try payloads.map { try decoder.decode(TimetableEntry.self, from: Data($0.utf8)) }
    }

    static func sourceKey(_ source: TimetableSource) -> String {
        switch source {
        case .depotFile: "depot-file"
        case .api: "api"
        case .vdv463(let presystem): "vdv463:\(presystem)"
        }
    }
}
