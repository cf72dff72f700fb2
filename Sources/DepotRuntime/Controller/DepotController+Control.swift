public import DepotModel
import Foundation
import Logging
import Storage

extension DepotController {
    /// Takes up what was running before a restart: open transactions (so their limits are sent
    /// again) and the stored API and VDV 463 stays.
    func restore() async {
        do {
            for entry in try await store.timetable(depot: depot.id) { entries[entry.id] = entry }
            for reservation in try await store.reservations(depot: depot.id, endingAfter: clock.now()) { reservations[reservation.id] = reservation }
            overrides = Set(try await store.reservationOverrides(depot: depot.id))
            for record in try await store.openTransactions(depot: depot.id) {
                let address = ConnectorAddress(charger: ChargerID(record.stationID), connector: record.connector)
                guard connectors[address] != nil else { continue }
                startSession(
                    at: address, transaction: record.transactionKey, idToken: record.idToken, meterStart: KilowattHours(record.meterStartKWh),
                    startedAt: record.startedAt)
            }
        } catch {
            logger.error("could not restore the depot's state: \(error)")
        }
    }

    /// Replaces every stay of one source (a VDV 463 presystem's complete list, an API import) after
    /// storing it; the next tick re-plans. Entries must name known vehicles of their tenant.
    public func replaceTimetable(_ newEntries: [TimetableEntry], source: TimetableSource) async throws {
        for entry in newEntries {
            guard let vehicle = depot.vehicle(entry.vehicle), vehicle.tenant == entry.tenant else {
                throw RuntimeError.invalid("\(entry.id): vehicle \(entry.vehicle) is not a vehicle of tenant \(entry.tenant)")
            }
            guard entry.departure > entry.arrival else { throw RuntimeError.invalid("\(entry.id): departure is not after arrival") }
        }
        try await store.replaceTimetable(depot: depot.id, source: source, entries: newEntries, at: clock.now())
        entries = entries.filter { $0.value.source != source }
        for entry in newEntries { entries[entry.id] = entry }
        // Depot-file stays that an upstream stay now covers give way at the next refresh.
        let external = entries.values.filter { $0.source != .depotFile }
        entries = entries.filter { _, entry in
            entry.source != .depotFile
                || !external.contains { $0.vehicle == entry.vehicle && $0.arrival < entry.departure && entry.arrival < $0.departure }
        }
        reservations = reservations.filter { _, reservation in reservation.timetableEntry.map { entries[$0] != nil } ?? true }
        planNeeded = true
    }

    /// Starts a session from the API; a tenant may only start its own vehicles' tokens.
    public func remoteStart(connector address: ConnectorAddress, idToken: String, tenant: TenantID?) async throws -> ChargerCommandResult {
        guard connectors[address] != nil else { throw RuntimeError.notFound("connector \(address)") }
        if let tenant, depot.vehicle(identifiedBy: idToken)?.tenant != tenant {
            throw RuntimeError.notFound("token \(idToken)")
        }
        return await control.execute(.remoteStart(address, idToken: idToken))
    }

    /// Stops a session from the API; a tenant may only stop its own sessions.
    public func remoteStop(session id: ChargingSessionID, tenant: TenantID?) async throws -> ChargerCommandResult {
        guard let record = connectors.values.first(where: { $0.session?.id == id }), let session = record.session,
            tenant == nil || session.tenant == tenant
        else { throw RuntimeError.notFound("session \(id)") }
        requestedStops.insert(id)
        return await control.execute(.remoteStop(record.address, transaction: session.transaction))
    }

    /// Caps a running session's power (nil lifts the cap); applied on the next tick.
    public func setPowerLimit(session id: ChargingSessionID, cap: Kilowatts?, tenant: TenantID?) throws {
        guard let record = connectors.values.first(where: { $0.session?.id == id }), let session = record.session,
            tenant == nil || session.tenant == tenant
        else { throw RuntimeError.notFound("session \(id)") }
        if let cap, cap.value < 0 { throw RuntimeError.invalid("a power limit cannot be negative") }
        connectors[record.address]?.session?.manualCap = cap
        noteSessionCap(session, cap: cap, at: clock.now())
        planNeeded = true
    }
}
