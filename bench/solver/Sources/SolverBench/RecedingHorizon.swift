import DepotModel
import Foundation
import PowerSolver

/// What the depot knows at an instant of the night, as a planning problem: only the vehicles
/// plugged in now (a vehicle is revealed when it arrives, with its SoC, targets and departure),
/// each from its measured SoC, on a horizon from now to the last departure known.
struct RecedingHorizon {
    /// The full night; the simulator keeps it, the planner sees only what `problem(at:)` reveals.
    let night: PlanningProblem
    /// The regular re-planning interval.
    let interval: Duration
    /// Whether an arrival re-plans at once (else the bus waits for the next regular re-plan).
    var replansOnArrival = true

    /// When the depot re-plans: every `interval` from the start of the night (aligned like the
    /// slots) and at every arrival, in order, without duplicates.
    func replanInstants() -> [Date] {
        let grid = night.grid
        let end = grid.slotStart(grid.count)
        var instants = Set<Date>()
        var instant = grid.start
        while instant < end {
            instants.insert(instant)
            instant = instant.addingTimeInterval(interval.secondsValue)
        }
        for vehicle in night.vehicles where replansOnArrival && vehicle.arrival >= grid.start && vehicle.arrival < end {
            instants.insert(vehicle.arrival)
        }
        return instants.sorted()
    }

    /// The problem the planner gets at `now` and the night's index of each of its vehicles; nil
    /// when no vehicle below its max target is plugged in.
    /// - Parameter stateOfCharge: the measured SoC of every vehicle of the night.
    func problem(at now: Date, stateOfCharge: [Double]) -> (problem: PlanningProblem, members: [Int])? {
        let members = night.vehicles.indices.filter { index in
            let vehicle = night.vehicles[index]
            return vehicle.arrival <= now && now < vehicle.departure && stateOfCharge[index] < vehicle.maxTarget.value - 1e-9
        }
        guard let horizonEnd = members.map({ night.vehicles[$0].departure }).max() else { return nil }
        let grid = SlotGrid(covering: now, to: horizonEnd, slotLength: night.grid.slotLength)
        let offset = Int((grid.start.timeIntervalSince(night.grid.start) / grid.slotLength.secondsValue).rounded())
        func slice<Value>(_ values: [Value]) -> [Value] {
            guard let last = values.last else { return [] }
            return (0..<grid.count).map { offset + $0 < values.count ? values[offset + $0] : last }
        }
        let nodes = night.nodes.map { PlanningNode(id: $0.id, parent: $0.parent, limits: slice($0.limits), baseLoad: slice($0.baseLoad)) }
        let tariff = PlanningTariff(
            prices: slice(night.tariff.prices), reservedCapacity: slice(night.tariff.reservedCapacity),
            excessPenalty: slice(night.tariff.excessPenalty), billingPeak: night.tariff.billingPeak)
        let vehicles = members.map { index in
            let vehicle = night.vehicles[index]
            return PlanningVehicle(
                id: vehicle.id, node: vehicle.node, arrival: now, departure: vehicle.departure, capacity: vehicle.capacity,
                stateOfCharge: Percent(stateOfCharge[index]), minTarget: vehicle.minTarget, maxTarget: vehicle.maxTarget,
                maxPower: vehicle.maxPower, efficiency: vehicle.efficiency, tier: vehicle.tier, powerCurve: vehicle.powerCurve,
                preconditioning: vehicle.preconditioning, tenant: vehicle.tenant)
        }
        let problem = PlanningProblem(grid: grid, nodes: nodes, vehicles: vehicles, tariff: tariff, tenantBudgets: night.tenantBudgets)
        return (problem, members)
    }
}
