import DepotModel
import Foundation
import Logging
import PolicyEngine
import PowerSolver

extension DepotController {
    /// One allocation tick (docs/solver.md §5): splits what the tree allows now among the running
    /// sessions, tracking the plan, and sends every limit that changed significantly or is due
    /// for a refresh before its profile horizon runs out.
    func allocate(now: Date) {
        let started = ContinuousClock.now
        defer {
            statistics.allocation += ContinuousClock.now - started
            statistics.ticks += 1
        }
        let input = allocationInput(now: now)
        let allocation: Allocation
        do {
            allocation = try Allocator().allocate(input)
        } catch {
            logger.error("allocation failed, limits stay as they are: \(error)")
            return
        }
        var limits: [ConnectorAddress: Kilowatts] = [:]
        for limit in allocation.limits {
            limits[limit.id] = limit.power
            admitted[limit.id] = limit.admittedSince
        }
        let filter = LimitChangeFilter()
        let refresh = settings.profileHorizon.secondsValue / 2
        var decreases: [(ConnectorRecord, LiveSession, Kilowatts)] = []
        var others: [(ConnectorRecord, LiveSession, Kilowatts)] = []
        var decreasePending = false
        for record in connectors.values.sorted(by: { $0.address < $1.address }) {
            guard let session = record.session, online.contains(record.address.charger), (record.uncontrolledUntil ?? .distantPast) <= now
            else { continue }
            if let pending = record.limitPending {
                if pending < (record.limitInForce ?? .zero) || record.limitInForce == nil { decreasePending = true }
                continue
            }
            var power = limits[record.address] ?? .zero
            if power == .zero, let charger = depot.charger(record.address.charger), charger.quirks.contains(.noResumeFromZero) {
                // This charger would not resume from 0: hold it at its minimum instead.
                power = charger.connector(record.address.connector)?.minPower ?? .zero
            }
            // Until its first profile lands, a session draws up to its fail-safe default.
            let drawing = record.limitInForce ?? failSafeShare(perConnectorOf: record.address.charger)
            if power < drawing {
                decreases.append((record, session, power))
                continue
            }
            let due = record.limitSentAt.map { now.timeIntervalSince($0) >= refresh } ?? true
            if due || filter.isSignificant(from: record.limitInForce, to: power) { others.append((record, session, power)) }
        }
        // Decreases go out first. While one is in flight, an increase goes out only if it fits
        // with every decrease still counted at its old value, so the sum of what chargers may draw
        // never passes a limit while commands are in flight (ocpp.md §13.2), and a new session
        // does not wait a tick per decrease elsewhere to get its power.
        let sending =
            decreases.isEmpty && !decreasePending ? others : decreases + increasesThatFit(others, input: input, now: now)
        for (record, session, power) in sending {
            connectors[record.address]?.limitPending = power
            statistics.limitsSent += 1
            send(.limit(record.address, transaction: session.transaction, power: power))
        }
    }

    /// The allocator's input now: node capacities after base loads, the site meter and the
    /// loads Busbar cannot steer (offline chargers at their last limit or fail-safe share,
    /// connectors that rejected a profile at their maximum); one entry per steerable session.
    func allocationInput(now: Date) -> AllocationInput {
        var capacity: [String: Kilowatts] = [:]
        var parent: [String: String] = [:]
        let site = PlanningProblem.siteNodeID
        var siteCapacity = depot.grid.limit(at: now, in: depot.timeZone) - depot.grid.safetyMargin
        var siteStale = false
        if depot.grid.meter != nil {
            if let reading = siteMeter, now.timeIntervalSince(reading.at) <= settings.siteMeterMaxAge.secondsValue {
                let evLoad = connectors.values.compactMap(\.session?.power).sum()
                siteCapacity = siteCapacity - Kilowatts(max(0, reading.power.value - evLoad.value))
            } else {
                siteStale = true
            }
        }
        capacity[site] = siteCapacity
        for circuit in depot.circuits {
            capacity[circuit.id.rawValue] = circuit.limit
            parent[circuit.id.rawValue] = circuit.parent?.rawValue ?? site
        }
        /// Takes a load Busbar does not steer off a node and every node above it.
        func reserve(_ load: Kilowatts, from node: String) {
            var current: String? = node
            while let id = current {
                capacity[id] = (capacity[id] ?? .zero) - load
                current = id == site ? nil : parent[id] ?? site
            }
        }
        for circuit in depot.circuits where circuit.baseLoad > .zero { reserve(circuit.baseLoad, from: circuit.id.rawValue) }
        for drawn in preconditioningDrawn(now: now) { reserve(drawn.power, from: drawn.node) }
        // A vehicle may plug in anywhere and draw its connector's fail-safe default before
        // Busbar's first profile lands: every node keeps room for one such start below it.
        var startHeadroom: [String: Kilowatts] = [:]
        for record in connectors.values where record.session == nil && online.contains(record.address.charger) {
            guard let charger = depot.charger(record.address.charger) else { continue }
            let share = failSafeShare(perConnectorOf: charger.id)
            var current: String? = PlanningProblem.node(of: charger)
            while let id = current {
                startHeadroom[id] = max(startHeadroom[id] ?? .zero, share)
                current = id == site ? nil : parent[id] ?? site
            }
        }
        for (node, headroom) in startHeadroom { capacity[node] = (capacity[node] ?? .zero) - headroom }
        var sessions: [AllocationSession] = []
        let slot = plan.flatMap { $0.grid.slot(containing: now) }
        for record in connectors.values.sorted(by: { $0.address < $1.address }) {
            guard let session = record.session, let charger = depot.charger(record.address.charger),
                let connector = charger.connector(record.address.connector)
            else { continue }
            let node = PlanningProblem.node(of: charger)
            let uncontrolled = (record.uncontrolledUntil ?? .distantPast) > now
            if !online.contains(charger.id) || uncontrolled {
                let share = failSafeShare(perConnectorOf: charger.id)
                reserve(uncontrolled ? connector.maxPower : max(record.limitInForce ?? connector.maxPower, share), from: node)
                continue
            }
            if session.held || [.faulted, .unavailable, .finishing].contains(record.state) { continue }
            let vehicle = session.vehicle.flatMap(depot.vehicle)
            let entry = session.entry.flatMap { entries[$0] }
            let decision = tiers[record.address]
            let soc = vehicle.map { stateOfCharge(session, vehicle: $0, entry: entry) }
            var maximum =
                [connector.maxPower, vehicle.map { $0.maxPower(atStateOfCharge: soc ?? 0) }, decision?.maxKw, session.manualCap]
                .compactMap { $0 }.min() ?? connector.maxPower
            var target: Kilowatts?
            if let vehicle, let vehiclePlan = plan?.vehicles.first(where: { $0.id == vehicle.id }), let slot, slot < vehiclePlan.power.count {
                // The plan's power for this slot orders the work (plan targets first, then the
                // surplus); it is no cap: a bus below target takes headroom the plan left unused.
                target = vehiclePlan.power[slot]
            }
            maximum = min(maximum, effectiveMaximum(of: record, session: session, floor: connector.minPower))
            let departure = entry?.departure ?? now.addingTimeInterval(12 * 3600)
            let remaining: KilowattHours =
                if let vehicle, let soc {
                    KilowattHours(max(0, ((entry?.maxTargetSoC.value ?? 100) - soc.value) / 100 * vehicle.batteryCapacity.value))
                } else {
                    KilowattHours(maximum.value)
                }
            let isFleet = depot.tenant(session.tenant ?? "")?.tenantClass == .fleet
            let defaultTier = isFleet ? 2 : 1
            // A fleet session without a known vehicle still counts as a bus that needs energy.
            let need: ChargingNeed =
                if !isFleet {
                    .publicCharging
                } else if let soc, soc.value >= entry?.maxTargetSoC.value ?? 100 {
                    .fleetAtTarget
                } else {
                    .fleetBelowTarget
                }
            sessions.append(
                AllocationSession(
                    id: record.address, node: node, minimum: min(connector.minPower, maximum), maximum: maximum, target: target,
                    tier: decision?.tier ?? defaultTier,
                    laxity: AllocationSession.laxity(
                        now: now, departure: departure, remaining: remaining, maximum: maximum, efficiency: vehicle?.efficiency ?? 0.95),
                    departure: departure, step: Kilowatts(0.1), tenant: session.tenant, admittedSince: admitted[record.address],
                    need: need))
        }
        var nodes = [AllocationNode(id: site, parent: nil, capacity: max(.zero, capacity[site] ?? .zero), meterIsStale: siteStale)]
        for circuit in depot.circuits {
            nodes.append(
                AllocationNode(
                    id: circuit.id.rawValue, parent: parent[circuit.id.rawValue], capacity: max(.zero, capacity[circuit.id.rawValue] ?? .zero)))
        }
        let budgets = depot.tenants.compactMap { tenant in tenant.powerBudget.map { (tenant.id, $0) } }
        return AllocationInput(
            now: now, nodes: nodes, sessions: sessions, envelope: nil, tenantBudgets: Dictionary(budgets, uniquingKeysWith: { first, _ in first }))
    }

    /// M_i from what the session draws (docs/ocpp.md §13.4, docs/solver.md §5): a vehicle that has
    /// settled below its limit counts at its draw plus a margin, so the rest goes to others in
    /// this tick. At its limit it is not capped (it may want more); while it ramps after a raise it
    /// keeps its limit; a cap only a little below the limit keeps the limit, so a tapering bus is
    /// not sent a new profile every tick.
    func effectiveMaximum(of record: ConnectorRecord, session: LiveSession, floor: Kilowatts) -> Kilowatts {
        guard let limit = record.limitInForce, let sampledAt = session.sampledAt else { return Kilowatts(.infinity) }
        let draw = session.power.value
        let margin = settings.drawMargin.value + 0.02 * draw
        if draw >= limit.value - margin / 2 { return Kilowatts(.infinity) }
        if let raised = record.limitRaisedAt, sampledAt.timeIntervalSince(raised) < settings.rampSettle.secondsValue { return limit }
        let cap = draw + margin
        let hysteresis = max(settings.drawMargin.value, 0.03 * limit.value)
        if cap >= limit.value - hysteresis { return limit }
        return max(Kilowatts(cap), floor)
    }

    /// The limits of `candidates` that may go out before the decreases in flight are confirmed:
    /// each node's worst case, every connector at the larger of what it may draw now and what it
    /// was last sent, plus the increases taken so far, stays within the node's room for charging.
    func increasesThatFit(
        _ candidates: [(ConnectorRecord, LiveSession, Kilowatts)], input: AllocationInput, now: Date
    ) -> [(ConnectorRecord, LiveSession, Kilowatts)] {
        let parent = Dictionary(input.nodes.map { ($0.id, $0.parent) }, uniquingKeysWith: { first, _ in first })
        var room = Dictionary(input.nodes.map { ($0.id, $0.capacity.value) }, uniquingKeysWith: { first, _ in first })
        func chain(of address: ConnectorAddress) -> [String] {
            guard let charger = depot.charger(address.charger) else { return [] }
            var nodes: [String] = []
            var current: String? = PlanningProblem.node(of: charger)
            while let id = current, nodes.count <= parent.count {
                nodes.append(id)
                current = parent[id] ?? nil
            }
            return nodes
        }
        // Offline and uncontrolled connectors are already reserved in the capacities; every other
        // running session (held ones too, until their decrease lands) counts at its allowance.
        for record in connectors.values
        where record.session != nil && online.contains(record.address.charger) && (record.uncontrolledUntil ?? .distantPast) <= now {
            let allowed = max(record.limitInForce ?? failSafeShare(perConnectorOf: record.address.charger), record.limitPending ?? .zero)
            for node in chain(of: record.address) { room[node, default: 0] -= allowed.value }
        }
        var fitting: [(ConnectorRecord, LiveSession, Kilowatts)] = []
        for candidate in candidates {
            let (record, _, power) = candidate
            let drawing = record.limitInForce ?? failSafeShare(perConnectorOf: record.address.charger)
            let rise = power.value - drawing.value
            let nodes = chain(of: record.address)
            guard rise <= 0 || nodes.allSatisfy({ (room[$0] ?? 0) >= rise - 1e-9 }) else { continue }
            for node in nodes { room[node, default: 0] -= max(0, rise) }
            fitting.append(candidate)
        }
        return fitting
    }
}
