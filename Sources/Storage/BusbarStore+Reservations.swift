public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// Stores a reservation made through the REST API, or its new status; committed before the
    /// API answers, so a restart takes it up again.
    public func saveReservation(depot: DepotID, _ reservation: Reservation, at instant: Date) async throws {
        let json = String(decoding: try JSONEncoder().encode(reservation), as: UTF8.self)
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO api_reservation (depot_id, id, tenant_id, ends_at, reservation, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(depot_id, id) DO UPDATE SET reservation = excluded.reservation, ends_at = excluded.ends_at,
                        updated_at = excluded.updated_at
                    """,
                arguments: [depot.rawValue, reservation.id.rawValue, reservation.tenant.rawValue, reservation.window.upperBound, json, instant])
        }
    }

    /// The API reservations of a depot whose window ends after `instant`.
    public func reservations(depot: DepotID, endingAfter instant: Date) async throws -> [Reservation] {
        let payloads = try await writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT reservation FROM api_reservation WHERE depot_id = ? AND ends_at > ? ORDER BY id",
                arguments: [depot.rawValue, instant])
        }
        let decoder = JSONDecoder()
        return try payloads.map { try decoder.decode(Reservation.self, from: Data($0.utf8)) }
    }

    /// Records that an operator lifted the enforcement of a reservation (API or derived from a stay).
    public func recordReservationOverride(depot: DepotID, reservation: ReservationID, tenant: TenantID, at instant: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO reservation_override (depot_id, reservation_id, tenant_id, overridden_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(depot_id, reservation_id) DO NOTHING
                    """,
                arguments: [depot.rawValue, reservation.rawValue, tenant.rawValue, instant])
        }
    }

    /// The reservations of a depot whose enforcement an operator lifted.
    public func reservationOverrides(depot: DepotID) async throws -> [ReservationID] {
        let ids = try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT reservation_id FROM reservation_override WHERE depot_id = ?", arguments: [depot.rawValue])
        }
        return ids.map { ReservationID($0) }
    }
}
