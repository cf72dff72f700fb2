public import DepotModel
import Foundation
import Storage

extension DepotController {
    /// Reserves a connector for a vehicle through the API: stored before it is in force, enforced
    /// like a stay's bay reservation (buffer, wrong vehicle, no-show).
    /// - Throws: `RuntimeError.notFound` for a vehicle or connector the tenant may not use,
    ///   `.invalid` for an empty or past window, `.conflict` when another reservation holds the
    ///   connector in an overlapping window.
    public func reserve(_ reservation: Reservation) async throws {
        guard let vehicle = depot.vehicle(reservation.vehicle), vehicle.tenant == reservation.tenant else {
            throw RuntimeError.notFound("vehicle \(reservation.vehicle)")
        }
        guard let charger = depot.charger(reservation.connector.charger), charger.connector(reservation.connector.connector) != nil,
            depot.tenant(reservation.tenant)?.mayCharge(in: charger.area) ?? false
        else { throw RuntimeError.notFound("connector \(reservation.connector)") }
        guard reservation.window.upperBound > clock.now() else { throw RuntimeError.invalid("the reservation must end in the future") }
        guard reservations[reservation.id] == nil else { throw RuntimeError.conflict("reservation \(reservation.id) exists") }
        if let clash = reservations.values.first(where: {
            $0.connector == reservation.connector && $0.status.holdsBay && $0.window.overlaps(reservation.window)
        }) {
            throw RuntimeError.conflict("\(reservation.connector) is reserved from \(clash.window.lowerBound) to \(clash.window.upperBound)")
        }
        try await store.saveReservation(depot: depot.id, reservation, at: clock.now())
        reservations[reservation.id] = reservation
        planNeeded = true
    }

    /// Cancels an API reservation; a stay's bay reservation ends with its timetable entry instead.
    public func cancelReservation(_ id: ReservationID, tenant: TenantID?) async throws {
        guard let reservation = reservations[id], tenant == nil || reservation.tenant == tenant else {
            throw RuntimeError.notFound("reservation \(id)")
        }
        guard reservation.timetableEntry == nil else {
            throw RuntimeError.conflict("reservation \(id) belongs to timetable entry \(reservation.timetableEntry!); change the entry instead")
        }
        let cancelled = reservation.with(status: .cancelled)
        try await store.saveReservation(depot: depot.id, cancelled, at: clock.now())
        reservations[id] = cancelled
        planNeeded = true
    }

    /// An operator lifts the enforcement of a reservation: from now on it blocks no other vehicle
    /// (no `buffer_start` or `wrong_vehicle` decision, no `no_show`), and a session held for it on
    /// its connector is released. The reservation stays listed, marked overridden.
    public func overrideReservation(_ id: ReservationID, tenant: TenantID?) async throws {
        guard let reservation = reservations[id], tenant == nil || reservation.tenant == tenant else {
            throw RuntimeError.notFound("reservation \(id)")
        }
        guard reservation.status.holdsBay else { throw RuntimeError.conflict("reservation \(id) is \(reservation.status.rawValue)") }
        try await store.recordReservationOverride(depot: depot.id, reservation: id, tenant: reservation.tenant, at: clock.now())
        overrides.insert(id)
        pendingHolds.remove(reservation.connector)
        if let session = connectors[reservation.connector]?.session, session.held, session.vehicle != reservation.vehicle {
            connectors[reservation.connector]?.session?.held = false
        }
        planNeeded = true
    }

    /// The reservations the caller sees (all for an admin), with whether each is overridden.
    public func reservationList(tenant: TenantID?) -> [(reservation: Reservation, overridden: Bool)] {
        reservations.values.filter { tenant == nil || $0.tenant == tenant }
            .sorted { ($0.window.lowerBound, $0.id) < ($1.window.lowerBound, $1.id) }
            .map { ($0, overrides.contains($0.id)) }
    }
}
