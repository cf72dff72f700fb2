import DepotModel
import Foundation
import Logging
import PolicyEngine
import PowerSolver
import Storage

extension DepotController {
    /// A planning round (docs/solver.md §1): the priority policy over plugged-in sessions and planned
    /// arrivals, then the night planner over all of them. Planned arrivals are the timetabled stays
    /// not plugged in yet, and the late ones (see ``expectedArrival(of:now:)``), so the plan keeps
    /// room for them. The forecasts and the warnings follow from the plan every tick
    /// (``refreshPredictions(now:)``).
    func planRound(now: Date) async {
        planNeeded = false
        nextPlanAt = Self.nextRound(after: now, interval: settings.planInterval, slotLength: settings.slotLength)
        await readEnforcementSettings()
        await decidePreconditioning(now: now)
        let plugged = connectors.values.filter { $0.session != nil }.sorted { $0.address < $1.address }
        let pluggedVehicles = Set(plugged.compactMap(\.session?.vehicle))
        let pluggedEntries = Set(plugged.compactMap(\.session?.entry))
        let upcoming = entries.values.filter { entry in
            expectedArrival(of: entry, now: now) != nil && !pluggedEntries.contains(entry.id) && !pluggedVehicles.contains(entry.vehicle)
        }
        .sorted { ($0.arrival, $0.id) < ($1.arrival, $1.id) }
        let pluggedViews = plugged.compactMap { record in sessionView(of: record, now: now).map { (record.address, $0) } }
        let upcomingViews = upcoming.compactMap { entry in plannedView(of: entry).map { (entry, $0) } }
        let views = pluggedViews.map(\.1) + upcomingViews.map(\.1)

        let started = ContinuousClock.now
        let outcome = await engine.priority(PriorityContext(now: now, depot: depotView(now: now), tenants: tenantViews, sessions: views))
        statistics.policy += ContinuousClock.now - started
        record([outcome.record])
        notePolicyFailure(outcome.alert)
        let decisions = Dictionary(zip(pluggedViews.map(\.0), outcome.value), uniquingKeysWith: { first, _ in first })
        tiers = decisions
        let upcomingTiers = zip(upcomingViews.map(\.0), outcome.value.dropFirst(pluggedViews.count))

        var vehicles: [PlanningVehicle] = []
        var stays: [VehicleID: TimetableEntryID] = [:]
        for record in plugged {
            guard let session = record.session, let vehicle = session.vehicle.flatMap(depot.vehicle),
                let entry = session.entry.flatMap({ entries[$0] }),
                entry.departure > now, let charger = depot.charger(record.address.charger),
                let connector = charger.connector(record.address.connector),
                stays[vehicle.id] == nil
            else { continue }
            let decision = decisions[record.address]
            // A bus that takes less than it is allowed is planned with what it takes.
            let measured = acceptance[session.id]?.plannedMaximum
            let cap =
                [vehicle.maxPower, connector.maxPower, decision?.maxKw, session.manualCap, measured].compactMap { $0 }.min() ?? connector.maxPower
            stays[vehicle.id] = entry.id
            vehicles.append(
                PlanningVehicle(
                    id: vehicle.id, node: PlanningProblem.node(of: charger), arrival: now, departure: entry.departure,
                    capacity: vehicle.batteryCapacity,
                    stateOfCharge: stateOfCharge(session, vehicle: vehicle, entry: entry), minTarget: entry.minTargetSoC,
                    maxTarget: entry.maxTargetSoC, maxPower: cap, efficiency: vehicle.efficiency, tier: decision?.tier ?? 2,
                    powerCurve: plannedTaper(of: vehicle), preconditioning: preconditioningLoad(for: entry.id), tenant: vehicle.tenant))
        }
        for (entry, decision) in upcomingTiers where stays[entry.vehicle] == nil {
            if let vehicle = plannedArrival(entry, tier: decision.tier, now: now) {
                stays[entry.vehicle] = entry.id
                vehicles.append(vehicle)
            }
        }
        plannedAt = now
        plannedVehicles = Dictionary(vehicles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        plannedStays = stays
        guard let end = vehicles.map(\.departure).max() else {
            plan = nil
            return
        }
        let planStarted = ContinuousClock.now
        do {
            let problem = PlanningProblem(
                depot: depot, grid: SlotGrid(covering: now, to: end, slotLength: settings.slotLength), vehicles: vehicles,
                siteBaseLoad: nil
            ).with(preferences: settings.planningPreferences(for: depot.grid))
            plan = try Planner().plan(problem)
        } catch {
            logger.error("planning failed, the allocator runs without a plan: \(error)")
            plan = nil
        }
        statistics.planning += ContinuousClock.now - planStarted
        statistics.plans += 1
    }

    /// When the next round is due without an event: after the planning interval, and no later
    /// than the next slot boundary when this round fell inside a slot, so the rounds settle on
    /// slot boundaries where every plugged-in bus has the whole slot ahead of it.
    static func nextRound(after now: Date, interval: Duration, slotLength: Duration) -> Date {
        let length = slotLength.secondsValue
        let boundary = ((now.timeIntervalSince1970 / length).rounded(.down) + 1) * length
        let regular = now.addingTimeInterval(interval.secondsValue)
        let offset = now.timeIntervalSince1970 - (boundary - length)
        return offset < 1 ? regular : min(regular, Date(timeIntervalSince1970: boundary))
    }

    /// When a stay that is not plugged in is expected: its timetabled arrival while that is ahead;
    /// for a late bus (arrival passed, not plugged in) `lateArrivalGrace` from now, as long as
    /// it is within its no-show grace or its bay is still held for it (a `hold` answer to
    /// `no_show`). A bus later than that is no longer planned: its bay has been released to others.
    func expectedArrival(of entry: TimetableEntry, now: Date) -> Date? {
        guard entry.departure > now else { return nil }
        if entry.arrival >= now { return entry.arrival }
        let withinGrace = now < entry.arrival.addingTimeInterval(noShowGraceSeconds)
        let bayHeld = reservations.values.contains {
            $0.timetableEntry == entry.id && $0.status.holdsBay && !overrides.contains($0.id)
        }
        guard withinGrace || bayHeld else { return nil }
        return min(entry.departure, now.addingTimeInterval(settings.lateArrivalGrace.secondsValue))
    }

    /// The planner's view of a stay that is not plugged in yet: expected arrival, its expected
    /// arrival SoC, and the circuit of the connector it will use — its bay's, else a reservation's
    /// for the vehicle, else the site (which still keeps room for it at the root).
    func plannedArrival(_ entry: TimetableEntry, tier: Int, now: Date) -> PlanningVehicle? {
        guard let vehicle = depot.vehicle(entry.vehicle), let arrival = expectedArrival(of: entry, now: now) else { return nil }
        let reserved = reservations.values.filter { $0.vehicle == entry.vehicle && $0.status.holdsBay && $0.window.upperBound > arrival }
            .min { ($0.window.lowerBound, $0.id) < ($1.window.lowerBound, $1.id) }?.connector
        let address = entry.bay.flatMap(depot.connector(servingBay:)) ?? reserved
        var node = PlanningProblem.siteNodeID
        var maxPower = vehicle.maxPower
        if let address, let charger = depot.charger(address.charger), let connector = charger.connector(address.connector) {
            node = PlanningProblem.node(of: charger)
            maxPower = min(maxPower, connector.maxPower)
        }
        return PlanningVehicle(
            id: vehicle.id, node: node, arrival: arrival, departure: entry.departure, capacity: vehicle.batteryCapacity,
            stateOfCharge: entry.arrivalSoC ?? Percent(settings.assumedArrivalSoC), minTarget: entry.minTargetSoC, maxTarget: entry.maxTargetSoC,
            maxPower: maxPower, efficiency: vehicle.efficiency, tier: tier, powerCurve: plannedTaper(of: vehicle),
            preconditioning: preconditioningLoad(for: entry.id), tenant: vehicle.tenant)
    }

    /// The SoC now: what the vehicle reports, else the arrival SoC plus the energy delivered.
    func stateOfCharge(_ session: LiveSession, vehicle: Vehicle, entry: TimetableEntry?) -> Percent {
        if let reported = session.reportedSoC { return reported }
        let arrival = entry?.arrivalSoC?.value ?? settings.assumedArrivalSoC
        let gained = session.energy.value * vehicle.efficiency / max(1, vehicle.batteryCapacity.value) * 100
        return Percent(min(100, arrival + gained))
    }

    /// The priority policy's view of a plugged-in session.
    func sessionView(of record: ConnectorRecord, now: Date) -> SessionView? {
        guard let session = record.session, let charger = depot.charger(record.address.charger),
            let connector = charger.connector(record.address.connector), let tenant = session.tenant
        else { return nil }
        let vehicle = session.vehicle.flatMap(depot.vehicle)
        let entry = session.entry.flatMap { entries[$0] }
        let soc = vehicle.map { stateOfCharge(session, vehicle: $0, entry: entry) } ?? session.reportedSoC ?? Percent(50)
        let target = entry?.targetSoC ?? Percent(100)
        let battery = vehicle?.batteryCapacity ?? KilowattHours(60)
        let needed = KilowattHours(max(0, (target.value - soc.value) / 100 * battery.value))
        let maxKw = min(connector.maxPower, vehicle?.maxPower ?? connector.maxPower)
        let vehiclePlan = vehicle.flatMap { predicted[$0.id] }
        return SessionView(
            id: session.id,
            vehicle: VehicleView(id: vehicle?.id ?? VehicleID("public:\(session.idToken)"), vin: vehicle?.vin, batteryKwh: battery, maxKw: maxKw),
            tenant: tenant,
            connector: ConnectorView(charger: charger.id, id: connector.number, bay: connector.bay, area: charger.area, maxKw: connector.maxPower),
            soc: soc, targetSoc: target, minTargetSoc: entry?.minTargetSoC, energyNeededKwh: needed, arrival: entry?.arrival ?? session.startedAt,
            departure: entry?.departure, minutesToTarget: maxKw.value > 0 ? needed.value / maxKw.value * 60 : nil, pluggedSince: session.startedAt,
            reserved: reservations.values.contains { $0.vehicle == session.vehicle && $0.connector == record.address },
            planned: false, late: (vehiclePlan?.shortfall.must.value ?? 0) > 0.5)
    }

    /// The priority policy's view of a stay that has not arrived yet.
    func plannedView(of entry: TimetableEntry) -> SessionView? {
        guard let vehicle = depot.vehicle(entry.vehicle) else { return nil }
        let address = entry.bay.flatMap(depot.connector(servingBay:))
        let charger = address.flatMap { depot.charger($0.charger) }
        let connector = address.flatMap { charger?.connector($0.connector) }
        let soc = entry.arrivalSoC ?? Percent(settings.assumedArrivalSoC)
        let needed = KilowattHours(max(0, (entry.targetSoC.value - soc.value) / 100 * vehicle.batteryCapacity.value))
        let maxKw = min(vehicle.maxPower, connector?.maxPower ?? vehicle.maxPower)
        return SessionView(
            id: ChargingSessionID("planned:\(entry.id)"),
            vehicle: VehicleView(id: vehicle.id, vin: vehicle.vin, batteryKwh: vehicle.batteryCapacity, maxKw: vehicle.maxPower),
            tenant: entry.tenant,
            connector: ConnectorView(
                charger: charger?.id ?? ChargerID("unassigned"), id: connector?.number ?? 0, bay: entry.bay, area: charger?.area, maxKw: maxKw),
            soc: soc, targetSoc: entry.targetSoC, minTargetSoc: entry.minTargetSoC, energyNeededKwh: needed, arrival: entry.arrival,
            departure: entry.departure, minutesToTarget: maxKw.value > 0 ? needed.value / maxKw.value * 60 : nil,
            reserved: entry.bay != nil, planned: true)
    }

    /// Reads the reservation buffer and no-show grace of the enforcement policy (docs/policy-api.md:
    /// `M.buffer_minutes`, `M.no_show_grace_minutes`), falling back to the depot file's.
    func readEnforcementSettings() async {
        let values = await engine.settings(for: .enforcement)
        bufferSeconds = Self.minutes(values["buffer_minutes"]) ?? depot.reservations.buffer.secondsValue
        noShowGraceSeconds = Self.minutes(values["no_show_grace_minutes"]) ?? depot.reservations.noShowGrace.secondsValue
        if case .list(let offsets)? = await engine.settings(for: .escalation)["departure_reminders"] {
            departureReminders = offsets.compactMap { if case .number(let seconds) = $0 { Int(seconds) } else { nil } }
        } else {
            departureReminders = []
        }
    }

    private static func minutes(_ value: SettingValue?) -> TimeInterval? {
        switch value {
        case .number(let minutes): minutes * 60
        default: nil
        }
    }

    /// The common part of every policy context.
    func policyContext(now: Date) -> PolicyContext {
        PolicyContext(now: now, depot: depotView(now: now), tenants: tenantViews)
    }

    func depotView(now: Date) -> DepotView {
        let block = depot.grid.block(at: now, in: depot.timeZone)
        return DepotView(
            id: depot.id, timezone: depot.timeZone.identifier,
            grid: GridView(
                limitKw: depot.grid.limit(at: now, in: depot.timeZone),
                block: block.map { BlockView(name: $0.name, limitKw: $0.limit, pricePerKwh: $0.pricePerKilowattHour) }))
    }

    var tenantViews: [TenantView] {
        depot.tenants.map { TenantView(id: $0.id, class: $0.tenantClass, priority: $0.priority, settings: $0.policySettings) }
    }

    /// Queues decision records for the recorder task: the control loop never waits for the
    /// database, which the OCPP message log keeps busy (records are a log, not an acknowledgement).
    func record(_ records: [PolicyDecisionRecord]) {
        pendingRecords += records
        recordWake.yield()
    }

    /// Writes the queued decision records, all that are waiting in one transaction, until the
    /// loop ends; a failed write is logged, never stops charging.
    func writeDecisionRecords() async {
        for await _ in recordWakes {
            let batch = pendingRecords
            pendingRecords = []
            guard !batch.isEmpty else { continue }
            let started = ContinuousClock.now
            do {
                try await store.recordDecisions(batch)
            } catch is CancellationError {
                logger.warning("\(batch.count) decision records not stored: shutting down")
            } catch {
                logger.error("\(batch.count) decision records not stored: \(error)")
            }
            statistics.storage += ContinuousClock.now - started
        }
    }

    /// The taper the plan assumes: the one rule predictions use too.
    private func plannedTaper(of vehicle: Vehicle) -> [PowerCurvePoint] { settings.plannedTaper(of: vehicle) }
}
