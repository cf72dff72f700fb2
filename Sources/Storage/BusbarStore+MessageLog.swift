public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// Direction of a logged OCPP frame.
    public enum FrameDirection: String, Sendable {
        case received = "in"
        case sent = "out"
    }

    /// Appends frames to the OCPP message log, for troubleshooting per charger.
    public func appendMessageLog(station: ChargerID, direction: FrameDirection, frame: String, at instant: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO ocpp_message (station_id, direction, frame, at) VALUES (?, ?, ?, ?)",
                arguments: [station.rawValue, direction.rawValue, frame, instant])
        }
    }

    /// The newest logged frames of a station, newest first.
    public func messageLog(station: ChargerID, limit: Int = 200) async throws -> [(direction: FrameDirection, frame: String, at: Date)] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT direction, frame, at FROM ocpp_message WHERE station_id = ? ORDER BY at DESC, id DESC LIMIT ?",
                arguments: [station.rawValue, limit]
            ).compactMap { row in FrameDirection(rawValue: row["direction"]).map { ($0, row["frame"], row["at"]) } }
        }
    }

    /// Deletes logged frames older than the retention window.
    /// - Returns: how many were deleted.
    @discardableResult
    public func pruneMessageLog(olderThan cutoff: Date) async throws -> Int {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM ocpp_message WHERE at < ?", arguments: [cutoff])
            return db.changesCount
        }
    }
}
