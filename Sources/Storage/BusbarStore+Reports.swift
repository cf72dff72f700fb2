public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// What the reports of one depot over `period` read. Read-only.
    ///
    /// Transactions are those overlapping the period; their samples are fetched whole (the first
    /// and last SoC of a session may lie outside the period). Only phase totals of the energy
    /// register and SoC are read.
    /// - Parameter tenant: whose transactions and stays to read; nil is the operator-admin read
    ///   across tenants. Station data (presence, outages, status frames) is the depot's own.
    public func reportRecords(depot: DepotID, tenant: TenantID?, period: Range<Date>) async throws -> ReportRecords {
        let stations = try await stationPresence(depot: depot)
        let timetable = try await timetable(depot: depot).filter { tenant == nil || $0.tenant == tenant }
        return try await writer.read { db in
            let overlap = "depot_id = ? AND started_at < ? AND (stopped_at IS NULL OR stopped_at > ?) AND (? IS NULL OR tenant_id = ?)"
            let arguments: StatementArguments = [depot.rawValue, period.upperBound, period.lowerBound, tenant?.rawValue, tenant?.rawValue]
            let transactions = try ChargingTransactionRecord.fetchAll(
                db, sql: "SELECT * FROM charging_transaction WHERE \(overlap) ORDER BY started_at, id", arguments: arguments)
            let samples = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.station_id, m.transaction_key, m.sampled_at, m.measurand, m.value FROM meter_sample m
                    JOIN (SELECT station_id, transaction_key FROM charging_transaction WHERE \(overlap)) t
                        ON m.station_id = t.station_id AND m.transaction_key = t.transaction_key
                    WHERE m.measurand IN (?, ?) AND m.phase = '' ORDER BY m.sampled_at, m.id
                    """,
                arguments: arguments + [TransactionSample.energyRegister, TransactionSample.stateOfCharge]
            ).map { row in
                TransactionSample(
                    station: ChargerID(row["station_id"] as String), transactionKey: row["transaction_key"], sampledAt: row["sampled_at"],
                    measurand: row["measurand"], value: row["value"])
            }
            let incidents = try IncidentRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM incident WHERE depot_id = ? AND kind = 'charger_offline' AND raised_at < ?
                        AND (resolved_at IS NULL OR resolved_at > ?) ORDER BY raised_at, id
                    """,
                arguments: [depot.rawValue, period.upperBound, period.lowerBound])
            let frames = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.station_id, o.at, o.frame FROM ocpp_message o JOIN station s ON s.id = o.station_id
                    WHERE s.depot_id = ? AND o.direction = 'in' AND o.at < ? AND o.frame LIKE '%"StatusNotification"%' ORDER BY o.at, o.id
                    """,
                arguments: [depot.rawValue, period.upperBound]
            ).map { LoggedFrame(station: ChargerID($0["station_id"] as String), at: $0["at"], frame: $0["frame"]) }
            return ReportRecords(
                transactions: transactions, samples: samples, timetable: timetable, incidents: incidents, stations: stations, statusFrames: frames)
        }
    }
}
