import DepotModel
import Foundation
import PolicyEngine

extension DepotController {
    /// Brings the stays up to date: the depot file's daily timetable as dated stays from yesterday
    /// to tomorrow (an upstream or API stay of the same vehicle that overlaps replaces it), old
    /// stays dropped, and a reservation for every stay with a bay.
    func refreshTimetable(now: Date) {
        let today = LocalDate(containing: now, in: depot.timeZone)
        let horizon = now.addingTimeInterval(86_400)
        let external = entries.values.filter { $0.source != .depotFile }
        for day in [today.adding(days: -1), today, today.adding(days: 1)] {
            for daily in depot.timetable {
                guard let vehicle = depot.vehicle(daily.vehicle),
                    let entry = daily.occurrence(arrivingOn: day, tenant: vehicle.tenant, in: depot.timeZone),
                    entry.departure > now, entry.arrival < horizon, entries[entry.id] == nil,
                    !external.contains(where: { $0.vehicle == entry.vehicle && $0.arrival < entry.departure && entry.arrival < $0.departure })
                else { continue }
                entries[entry.id] = entry
                planNeeded = true
            }
        }
        // A vehicle that plugged in before its stay was known (restart, late VDV 463 request), or
        // whose stay a new timetable replaced, gets its stay now: without one it is not planned
        // and has no forecast.
        for (address, record) in connectors {
            guard let session = record.session, session.entry.flatMap({ entries[$0] }) == nil, let vehicle = session.vehicle,
                let stay = stay(of: vehicle, at: now)
            else { continue }
            connectors[address]?.session?.entry = stay.id
            planNeeded = true
        }
        let active = Set(connectors.values.compactMap(\.session?.entry))
        for (id, entry) in entries where entry.departure.addingTimeInterval(3600) < now && !active.contains(id) {
            entries[id] = nil
        }
        for entry in entries.values {
            guard let bay = entry.bay, let address = depot.connector(servingBay: bay) else { continue }
            let id = ReservationID("bay:\(entry.id)")
            guard reservations[id] == nil else { continue }
            reservations[id] = Reservation(
                id: id, tenant: entry.tenant, vehicle: entry.vehicle, connector: address,
                window: entry.arrival.addingTimeInterval(-bufferSeconds)..<entry.departure, status: .scheduled, timetableEntry: entry.id)
        }
        for (id, reservation) in reservations where reservation.window.upperBound.addingTimeInterval(3600) < now {
            reservations[id] = nil
        }
    }

    /// A reservation of `connector` for another vehicle that is in force at `now`.
    func reservation(blocking connector: ConnectorAddress, for vehicle: VehicleID, at now: Date) -> Reservation? {
        reservations.values.first {
            $0.connector == connector && $0.vehicle != vehicle && $0.window.contains(now) && $0.status.holdsBay && !overrides.contains($0.id)
        }
    }

    /// The enforcement event for a reservation at stake.
    func reservationEvent(_ kind: EnforcementEvent.Kind, _ reservation: Reservation, vehicle: VehicleID?, token: String?) -> EnforcementEvent {
        let entry = reservation.timetableEntry.flatMap { entries[$0] }
        return EnforcementEvent(
            kind: kind, tenant: reservation.tenant, vehicle: vehicle, expectedVehicle: reservation.vehicle, charger: reservation.connector.charger,
            connectorId: reservation.connector.connector, area: depot.charger(reservation.connector.charger)?.area, reservation: reservation.id,
            reservedFrom: reservation.window.lowerBound, reservedUntil: reservation.window.upperBound, departure: entry?.departure, token: token)
    }

    /// The checks that depend on time: a reserved vehicle that is due while another one charges
    /// on its bay, a no-show after the grace time, and sessions still running at departure.
    func enforceReservations(now: Date) async {
        let inForce = reservations.values.filter { $0.status.holdsBay && !overrides.contains($0.id) }
        for reservation in inForce.sorted(by: { $0.id < $1.id }) {
            let arrival = reservation.window.lowerBound.addingTimeInterval(bufferSeconds)
            guard now >= arrival else { continue }
            let occupant = connectors[reservation.connector]?.session
            if let occupant, occupant.vehicle != reservation.vehicle, enforced.insert("due:\(reservation.id):\(occupant.id)").inserted {
                let action = await enforce(reservationEvent(.wrongVehicle, reservation, vehicle: occupant.vehicle, token: occupant.idToken), now: now)
                note(
                    DepotIncident(
                        kind: .wrongVehicle, at: now, tenant: reservation.tenant, vehicle: reservation.vehicle, connector: reservation.connector,
                        message:
                            "\(reservation.vehicle) is due at \(reservation.connector) but \(occupant.vehicle?.rawValue ?? "a public user") is charging there: \(action.action.rawValue)"
                    ))
                apply(action, to: reservation.connector, session: occupant)
            }
            let present = connectors.values.contains { $0.session?.vehicle == reservation.vehicle }
            if !present, now >= arrival.addingTimeInterval(noShowGraceSeconds), enforced.insert("no_show:\(reservation.id)").inserted {
                let action = await enforce(reservationEvent(.noShow, reservation, vehicle: nil, token: nil), now: now)
                // Any answer but `hold` releases the bay for others.
                if action.action != .hold { reservations[reservation.id] = reservation.with(status: .noShow) }
                note(
                    DepotIncident(
                        kind: .noShow, at: now, tenant: reservation.tenant, vehicle: reservation.vehicle, connector: reservation.connector,
                        message:
                            "\(reservation.vehicle) did not arrive at \(reservation.connector): \(action.action == .hold ? "bay kept" : "bay released")"
                    ))
            }
        }
        for record in connectors.values.sorted(by: { $0.address < $1.address }) {
            // Two minutes' grace: a bus pulling out at its departure time is not "still plugged in".
            guard let session = record.session, let entry = session.entry.flatMap({ entries[$0] }), now >= entry.departure.addingTimeInterval(120),
                enforced.insert("departure:\(session.id)").inserted
            else { continue }
            let event = EnforcementEvent(
                kind: .departureReached, tenant: session.tenant, vehicle: session.vehicle, charger: record.address.charger,
                connectorId: record.address.connector, departure: entry.departure, token: session.idToken)
            let action = await enforce(event, now: now)
            note(
                DepotIncident(
                    kind: .departureReached, at: now, tenant: session.tenant, vehicle: session.vehicle, connector: record.address,
                    message: "\(session.vehicle?.rawValue ?? "session") still plugged in at departure: \(action.action.rawValue)",
                    departure: entry.departure))
            apply(action, to: record.address, session: session)
        }
    }

    /// Carries out an enforcement action on a running session.
    func apply(_ action: EnforcementAction, to address: ConnectorAddress, session: LiveSession) {
        switch action.action {
        case .terminate, .deny: requestStop(session)
        case .hold: connectors[address]?.session?.held = true
        case .allow, .warn: break
        }
    }
}
