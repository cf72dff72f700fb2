public import DepotModel
import Foundation
import PolicyEngine

extension DepotController {
    /// Decides whether `token` may charge, at `connector` when the charger says where (1.6
    /// StartTransaction, 2.0.1 TransactionEvent) or anywhere (Authorize). Unknown tokens, area
    /// bindings and reservations are each put to the `enforcement` policy (docs/policy-api.md).
    public func authorize(token: String, at connector: ConnectorAddress?) async -> AccessDecision {
        let now = clock.now()
        let vehicle = depot.vehicle(identifiedBy: token)
        guard let vehicle else {
            let publicTenant = depot.tenants.first { $0.tenantClass == .public }
            let action = await enforce(
                EnforcementEvent(
                    kind: .unknownToken, tenant: publicTenant?.id, charger: connector?.charger, connectorId: connector?.connector, token: token),
                now: now)
            let accepted = publicTenant != nil && action.action != .deny && action.action != .terminate
            if action.notify || !accepted {
                note(
                    DepotIncident(
                        kind: .unknownToken, at: now, tenant: publicTenant?.id, connector: connector,
                        message: "unknown token at \(connector?.description ?? "the depot"): \(accepted ? "charging as public user" : "refused")"))
            }
            return AccessDecision(accepted: accepted, vehicle: nil, tenant: publicTenant?.id, reason: action.reason)
        }
        guard let connector, let charger = depot.charger(connector.charger) else {
            return AccessDecision(accepted: true, vehicle: vehicle.id, tenant: vehicle.tenant, reason: nil)
        }
        if let tenant = depot.tenant(vehicle.tenant), !tenant.mayCharge(in: charger.area) {
            let action = await enforce(
                EnforcementEvent(
                    kind: .areaDenied, tenant: tenant.id, vehicle: vehicle.id, charger: charger.id, connectorId: connector.connector,
                    area: charger.area,
                    token: token), now: now)
            note(
                DepotIncident(
                    kind: .areaDenied, at: now, tenant: tenant.id, vehicle: vehicle.id, connector: connector,
                    message: "\(vehicle.id) outside its areas at \(connector): \(action.action.rawValue)"))
            if action.action == .deny || action.action == .terminate {
                return AccessDecision(accepted: false, vehicle: vehicle.id, tenant: vehicle.tenant, reason: action.reason)
            }
        }
        if let reservation = reservation(blocking: connector, for: vehicle.id, at: now) {
            let kind: EnforcementEvent.Kind = now < reservation.window.lowerBound.addingTimeInterval(bufferSeconds) ? .bufferStart : .wrongVehicle
            let action = await enforce(reservationEvent(kind, reservation, vehicle: vehicle.id, token: token), now: now)
            note(
                DepotIncident(
                    kind: kind == .bufferStart ? .bufferStart : .wrongVehicle, at: now, tenant: vehicle.tenant, vehicle: vehicle.id,
                    connector: connector,
                    message: "\(vehicle.id) at \(connector) reserved for \(reservation.vehicle): \(action.action.rawValue)"))
            switch action.action {
            case .deny, .terminate: return AccessDecision(accepted: false, vehicle: vehicle.id, tenant: vehicle.tenant, reason: action.reason)
            case .hold: pendingHolds.insert(connector)
            case .allow, .warn: break
            }
        }
        return AccessDecision(accepted: true, vehicle: vehicle.id, tenant: vehicle.tenant, reason: nil)
    }

    /// Records a started transaction: identifies the vehicle and its stay, and re-plans.
    func startSession(at address: ConnectorAddress, transaction: String, idToken: String, meterStart: KilowattHours, startedAt: Date) {
        guard connectors[address] != nil else { return }
        let vehicle = depot.vehicle(identifiedBy: idToken)
        let tenant = vehicle?.tenant ?? depot.tenants.first { $0.tenantClass == .public }?.id
        let now = clock.now()
        let entry = vehicle.flatMap { stay(of: $0.id, at: now) }
        var session = LiveSession(
            connector: address, transaction: transaction, idToken: idToken, vehicle: vehicle?.id, tenant: tenant, entry: entry?.id,
            startedAt: startedAt, meterStart: meterStart)
        session.held = pendingHolds.remove(address) != nil
        connectors[address]?.session = session
        connectors[address]?.rejections = 0
        connectors[address]?.limitInForce = nil
        connectors[address]?.limitSentAt = nil
        if let vehicle {
            for (id, reservation) in reservations
            where reservation.vehicle == vehicle.id && reservation.status == .scheduled && reservation.window.contains(now) {
                reservations[id] = reservation.with(status: .active)
            }
        }
        planNeeded = true
    }

    /// The stay a vehicle is charging for: the one whose window (from two hours before arrival)
    /// contains `now`, the earliest departure first.
    func stay(of vehicle: VehicleID, at now: Date) -> TimetableEntry? {
        entries.values.filter { $0.vehicle == vehicle && $0.arrival.addingTimeInterval(-7200) <= now && now < $0.departure }
            .min { ($0.departure, $0.id) < ($1.departure, $1.id) }
    }

    /// Asks the enforcement policy and records the decision.
    func enforce(_ event: EnforcementEvent, now: Date) async -> EnforcementAction {
        let started = ContinuousClock.now
        let outcome = await engine.enforcement(policyContext(now: now), event: event)
        statistics.policy += ContinuousClock.now - started
        record([outcome.record])
        notePolicyFailure(outcome.alert)
        return outcome.value
    }
}
