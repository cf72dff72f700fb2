public import DepotModel
import Foundation
import PolicyEngine
import PowerSolver

extension DepotController {
    /// VDV 261: what a vehicle reported about its pre-conditioning needs. The report belongs to the
    /// stay the vehicle is on now; a change asks the `preconditioning` policy for that stay at once,
    /// so the reply to the very message that carried it already follows the new plan, and re-plans.
    public func vehicleReported(_ report: VehicleReport) async {
        let now = clock.now()
        guard let stay = currentStay(of: report.vehicle, now: now), reportedNeeds[stay.id].map({ report.differs(from: $0) }) ?? true
        else { return }
        reportedNeeds[stay.id] = report
        let before = preconditioningPlans[stay.id]?.plan
        await decidePreconditioning(now: now, stays: [stay])
        // A bus reports every few minutes and its energy need falls as it charges: only a plan that
        // changed is worth a planning round.
        if preconditioningPlans[stay.id]?.plan != before { planNeeded = true }
    }

    /// The pre-conditioning planned for the vehicle's current or next stay; nil when there is none.
    public func preconditioning(for vehicle: VehicleID) -> PreconditioningSnapshot? {
        let now = clock.now()
        return currentStay(of: vehicle, now: now).flatMap { preconditioningSnapshot(of: $0.id, now: now) }
    }

    /// Asks the `preconditioning` policy for every stay not yet departed that has a pre-conditioning
    /// rule or reported needs (docs/policy-api.md: each planning round until the window starts, and
    /// whenever its input changes), and records each decision like the other domains.
    func decidePreconditioning(now: Date) async {
        preconditioningPlans = preconditioningPlans.filter { entries[$0.key].map { $0.departure > now } ?? false }
        reportedNeeds = reportedNeeds.filter { entries[$0.key].map { $0.departure > now } ?? false }
        let stays = entries.values.filter { $0.departure > now }.sorted { ($0.arrival, $0.id) < ($1.arrival, $1.id) }
        await decidePreconditioning(now: now, stays: stays)
    }

    private func decidePreconditioning(now: Date, stays: [TimetableEntry]) async {
        var records: [PolicyDecisionRecord] = []
        for stay in stays {
            guard let view = preconditioningView(of: stay) else {
                preconditioningPlans[stay.id] = nil
                continue
            }
            var input = view
            input.soc = nil
            // Unchanged input is not asked again once the window has started, nor within a plan
            // interval: event-driven planning rounds come far more often than the input changes.
            if let known = preconditioningPlans[stay.id], known.input == input,
                known.plan.map({ $0.start <= now }) == true || now.timeIntervalSince(known.decidedAt) < settings.planInterval.secondsValue
            {
                continue
            }
            let started = ContinuousClock.now
            let outcome = await engine.preconditioning(policyContext(now: now), vehicle: view)
            statistics.policy += ContinuousClock.now - started
            records.append(outcome.record)
            notePolicyFailure(outcome.alert)
            preconditioningPlans[stay.id] = PreconditioningState(input: input, plan: outcome.value, decidedAt: now)
        }
        if !records.isEmpty { record(records) }
    }

    /// The policy's `v` for a stay: the timetable's rule (a manual rule's earlier start as the
    /// requested start, departure as the finish), the needs the vehicle reported during the stay
    /// and its SoC when plugged in; nil for a stay with neither rule nor report.
    private func preconditioningView(of stay: TimetableEntry) -> PreconditioningVehicleView? {
        let report = reportedNeeds[stay.id]
        guard stay.preconditioning != nil || report != nil, let vehicle = depot.vehicle(stay.vehicle) else { return nil }
        var view = PreconditioningVehicleView(
            vehicle: VehicleView(id: vehicle.id, vin: vehicle.vin, batteryKwh: vehicle.batteryCapacity, maxKw: vehicle.maxPower),
            tenant: stay.tenant, departure: stay.departure,
            batReqtime: report?.batteryTime.map { Int($0.secondsValue) }, precReqtime: report?.cabinTime.map { Int($0.secondsValue) },
            batEamount: report?.batteryEnergy.map { Int(($0.value * 1000).rounded()) },
            precEamount: report?.cabinEnergy.map { Int(($0.value * 1000).rounded()) })
        switch stay.preconditioning {
        case .automatic(let mode, let start, let finish, let ambient):
            view.requestedMode = mode
            view.requestedStart = start
            view.requestedFinish = finish
            view.ambientC = ambient
        case .manual(let hvacStart, let systemStart, _, _):
            view.requestedStart = min(hvacStart, systemStart)
            view.requestedFinish = stay.departure
        case nil:
            break
        }
        if let session = connectors.values.lazy.compactMap(\.session).first(where: { $0.entry == stay.id }) {
            view.soc = stateOfCharge(session, vehicle: vehicle, entry: stay)
        }
        return view
    }

    /// The load the planner reserves for a stay's pre-conditioning: the plan's HVAC and battery
    /// powers, else a manual rule's auxiliary powers; nil when there is no plan or no power.
    func preconditioningLoad(for stay: TimetableEntryID) -> PreconditioningLoad? {
        guard let plan = preconditioningPlans[stay]?.plan else { return nil }
        let powers = Self.reservedPowers(plan, rule: entries[stay]?.preconditioning)
        let power = powers.hvac + powers.battery
        guard power > .zero else { return nil }
        return PreconditioningLoad(power: power, start: plan.start, finish: plan.finish)
    }

    /// The pre-conditioning drawn right now by plugged-in vehicles, per circuit node, for the
    /// allocator to leave free (docs/solver.md §5: a load Busbar does not steer).
    func preconditioningDrawn(now: Date) -> [(node: String, power: Kilowatts)] {
        connectors.values.sorted { $0.address < $1.address }.compactMap { record in
            guard let stay = record.session?.entry, let load = preconditioningLoad(for: stay), load.start <= now,
                now < (load.finish ?? .distantFuture), let charger = depot.charger(record.address.charger)
            else { return nil }
            return (PlanningProblem.node(of: charger), load.power)
        }
    }

    /// Every planned pre-conditioning of stays the caller may see, in stay order.
    func preconditioningSnapshots(now: Date, visible: (TenantID?) -> Bool) -> [PreconditioningSnapshot] {
        entries.values.filter { visible($0.tenant) && $0.departure > now }.sorted { ($0.arrival, $0.id) < ($1.arrival, $1.id) }
            .compactMap { preconditioningSnapshot(of: $0.id, now: now) }
    }

    func preconditioningSnapshot(of stay: TimetableEntryID, now: Date) -> PreconditioningSnapshot? {
        guard let entry = entries[stay], let plan = preconditioningPlans[stay]?.plan else { return nil }
        let powers = Self.reservedPowers(plan, rule: entry.preconditioning)
        return PreconditioningSnapshot(
            stay: stay, vehicle: entry.vehicle, start: plan.start, finish: plan.finish, mode: plan.mode, battery: plan.battery,
            hvacKw: powers.hvac.value, batteryKw: powers.battery.value, active: plan.start <= now && now < plan.finish, reason: plan.reason)
    }

    /// The stay a vehicle is on: the one its live session serves, else its next one not yet departed.
    func currentStay(of vehicle: VehicleID, now: Date) -> TimetableEntry? {
        if let entry = connectors.values.lazy.compactMap(\.session).first(where: { $0.vehicle == vehicle })?.entry.flatMap({ entries[$0] }),
            entry.departure > now
        {
            return entry
        }
        return entries.values.filter { $0.vehicle == vehicle && $0.departure > now }.min { ($0.arrival, $0.id) < ($1.arrival, $1.id) }
    }

    /// The plan's HVAC and battery powers, else a manual rule's HVAC and system powers.
    private static func reservedPowers(_ plan: PreconditioningPlan, rule: PreconditioningRule?) -> (hvac: Kilowatts, battery: Kilowatts) {
        if plan.hvacKw != nil || plan.batteryKw != nil { return (plan.hvacKw ?? .zero, plan.batteryKw ?? .zero) }
        if case .manual(_, _, let hvac, let system) = rule { return (hvac, system) }
        return (.zero, .zero)
    }
}
