public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// Stores a BootNotification and the decision taken on it.
    public func recordBoot(depot: DepotID, station: ChargerID, info: StationBootInfo, state: StationBootState, at instant: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO station (id, depot_id, boot_state, boot_at, vendor, model, serial_number, firmware_version, last_message_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET depot_id = excluded.depot_id, boot_state = excluded.boot_state, boot_at = excluded.boot_at,
                        vendor = excluded.vendor, model = excluded.model, serial_number = excluded.serial_number,
                        firmware_version = excluded.firmware_version, last_message_at = excluded.last_message_at
                    """,
                arguments: [
                    station.rawValue, depot.rawValue, state.rawValue, instant, info.vendor, info.model, info.serialNumber, info.firmwareVersion,
                    instant,
                ])
        }
    }

    /// The persisted registration state of a station (`unknown` if it never booted).
    public func bootState(station: ChargerID) async throws -> StationBootState {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT boot_state FROM station WHERE id = ?", arguments: [station.rawValue])
                .flatMap(StationBootState.init(rawValue:)) ?? .unknown
        }
    }

    /// The boot information a station last reported.
    public func bootInfo(station: ChargerID) async throws -> StationBootInfo? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT vendor, model, serial_number, firmware_version FROM station WHERE id = ?", arguments: [station.rawValue]),
                let vendor = row["vendor"] as String?, let model = row["model"] as String?
            else { return nil }
            return StationBootInfo(vendor: vendor, model: model, serialNumber: row["serial_number"], firmwareVersion: row["firmware_version"])
        }
    }

    /// Stores a connector status unless a newer one is already stored: a status delivered late
    /// (queued while offline) never overwrites newer live state (docs/ocpp.md §7).
    /// - Returns: whether the stored status changed.
    @discardableResult
    public func recordConnectorStatus(depot: DepotID, station: ChargerID, report: ConnectorStatusReport) async throws -> Bool {
        try await writer.write { db in
            try Self.ensureStation(db, depot: depot, station: station, at: report.receivedAt)
            let existing = try Row.fetchOne(
                db, sql: "SELECT station_time, received_at FROM connector_status WHERE station_id = ? AND connector = ?",
                arguments: [station.rawValue, report.connector])
            if let existing, let newer = existing["station_time"] as Date?, let reported = report.stationTime, reported < newer {
                return false
            }
            try db.execute(
                sql: """
                    INSERT INTO connector_status (station_id, connector, state, error_code, info, vendor_error_code, station_time, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(station_id, connector) DO UPDATE SET state = excluded.state, error_code = excluded.error_code, info = excluded.info,
                        vendor_error_code = excluded.vendor_error_code, station_time = excluded.station_time, received_at = excluded.received_at
                    """,
                arguments: [
                    station.rawValue, report.connector, report.state.rawValue, report.errorCode, report.info, report.vendorErrorCode,
                    report.stationTime,
                    report.receivedAt,
                ])
            return true
        }
    }

    /// The latest status of each connector of a station, by connector number.
    public func connectorStatuses(station: ChargerID) async throws -> [ConnectorStatusReport] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM connector_status WHERE station_id = ? ORDER BY connector", arguments: [station.rawValue])
                .compactMap { row in
                    guard let state = ConnectorState(rawValue: row["state"]) else { return nil }
                    return ConnectorStatusReport(
                        connector: row["connector"], state: state, errorCode: row["error_code"], info: row["info"],
                        vendorErrorCode: row["vendor_error_code"], stationTime: row["station_time"], receivedAt: row["received_at"])
                }
        }
    }

    /// Creates the station row on first contact, so statuses and transactions can refer to it.
    static func ensureStation(_ db: Database, depot: DepotID, station: ChargerID, at instant: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO station (id, depot_id, last_message_at) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET last_message_at = excluded.last_message_at
                """,
            arguments: [station.rawValue, depot.rawValue, instant])
    }
}
