public import DepotModel
import Foundation
public import PowerSolver

extension DepotController {
    /// The depot now; with `tenant`, only that tenant's sessions, stays, reservations and events
    /// (other tenants' vehicles show as an occupied connector without details).
    public func snapshot(tenant: TenantID? = nil) -> DepotSnapshot {
        let now = clock.now()
        let visible: @Sendable (TenantID?) -> Bool = { owner in tenant == nil || owner == tenant }
        let records = connectors.values.sorted { $0.address < $1.address }
        let connectorSnapshots = records.map { record in
            let configured = depot.charger(record.address.charger)?.connector(record.address.connector)
            return ConnectorSnapshot(
                charger: record.address.charger, connector: record.address.connector, bay: configured?.bay, state: record.state,
                errorCode: record.errorCode, occupied: record.session != nil,
                session: record.session.flatMap { session in visible(session.tenant) ? sessionSnapshot(session, record: record) : nil })
        }
        var snapshot = DepotSnapshot(
            depot: depot.id, at: now, siteLimitKw: depot.grid.limit(at: now, in: depot.timeZone).value,
            block: depot.grid.block(at: now, in: depot.timeZone)?.name,
            sitePowerKw: records.compactMap(\.session?.power).sum().value, onlineChargers: online.sorted(), connectors: connectorSnapshots,
            reservations: reservations.values.filter { visible($0.tenant) }.sorted { ($0.window.lowerBound, $0.id) < ($1.window.lowerBound, $1.id) },
            stays: entries.values.filter { visible($0.tenant) && $0.departure > now }.sorted { ($0.arrival, $0.id) < ($1.arrival, $1.id) },
            incidents: events.filter { visible($0.tenant) })
        snapshot.preconditioning = preconditioningSnapshots(now: now, visible: visible)
        return snapshot
    }

    private func sessionSnapshot(_ session: LiveSession, record: ConnectorRecord) -> SessionSnapshot {
        let vehicle = session.vehicle.flatMap(depot.vehicle)
        let entry = session.entry.flatMap { entries[$0] }
        let soc = vehicle.map { stateOfCharge(session, vehicle: $0, entry: entry) } ?? session.reportedSoC
        let forecast = session.vehicle.flatMap { self.predicted[$0] }?.departureStateOfCharge
        var snapshot = SessionSnapshot(
            id: session.id, vehicle: session.vehicle, tenant: session.tenant, startedAt: session.startedAt, energyKwh: session.energy.value,
            powerKw: session.power.value, soc: soc?.value, departure: entry?.departure, targetSoc: entry?.targetSoC.value,
            predictedDepartureSoc: forecast?.value, limitKw: record.limitInForce?.value, held: session.held, manualCapKw: session.manualCap?.value)
        snapshot.preconditioning = session.entry.flatMap { preconditioningSnapshot(of: $0, now: clock.now()) }
        return snapshot
    }
}

extension DepotController {
    /// The forecast per vehicle (predicted departure SoC, times to the min and max targets,
    /// progress points), for VDV 463 reports and the API: the night plan rolled forward from the
    /// latest measurements with the vehicle's taper and measured acceptance, as of the latest
    /// tick; empty before the first plan.
    public func predictions(tenant: TenantID? = nil) -> [VehicleID: VehiclePlan] {
        predicted.filter { tenant == nil || depot.vehicle($0.key)?.tenant == tenant }
    }
}
