public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// Records that a station connected or disconnected.
    public func recordPresence(depot: DepotID, station: ChargerID, online: Bool, at instant: Date) async throws {
        try await writer.write { db in
            try Self.ensureStation(db, depot: depot, station: station, at: instant)
            try db.execute(
                sql: "UPDATE station SET online = ?, presence_since = ? WHERE id = ?", arguments: [online, instant, station.rawValue])
        }
    }

    /// Marks every station offline, as a fresh process starts with no connection.
    public func markAllStationsOffline(at instant: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE station SET online = 0, presence_since = ? WHERE online = 1", arguments: [instant])
        }
    }

    /// The registry view of every station of a depot that ever connected, by id.
    public func stationPresence(depot: DepotID) async throws -> [StationPresence] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM station WHERE depot_id = ? ORDER BY id", arguments: [depot.rawValue]).map { row in
                let vendor: String? = row["vendor"]
                let model: String? = row["model"]
                return StationPresence(
                    station: ChargerID(row["id"] as String), depot: DepotID(row["depot_id"] as String),
                    bootState: StationBootState(rawValue: row["boot_state"]) ?? .unknown, online: row["online"], since: row["presence_since"],
                    lastMessageAt: row["last_message_at"],
                    bootInfo: vendor.flatMap { vendor in
                        model.map {
                            StationBootInfo(vendor: vendor, model: $0, serialNumber: row["serial_number"], firmwareVersion: row["firmware_version"])
                        }
                    })
            }
        }
    }
}
