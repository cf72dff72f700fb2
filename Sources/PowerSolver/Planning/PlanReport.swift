import DepotModel
import Foundation

/// Turns a solved plan — grid-side kW per vehicle and slot, from the flow or the LP — into the
/// planner's outputs (docs/solver.md §4): profiles, trajectories, predicted times, progress lists,
/// shortfalls and binding constraints.
struct PlanReport {
    /// Shortfalls below this are rounding, not news (1 Wh).
    static let reportableShortfall = 1e-3
    static let maxProgressPoints = 24
    /// Energy within this of a target counts as reached: the flow rounds down to whole mWh, the
    /// LP keeps stage optima within 1e-7 relative.
    static let reachedTolerance = 1e-5

    let model: PlanningModel
    /// Grid-side kW per vehicle (problem order) and slot.
    let power: [[Double]]
    /// What keeps vehicle `index` short, given its intrinsic shortfall (kWh).
    let binding: (_ index: Int, _ intrinsic: Double) -> [BindingConstraint]

    func plan() -> Plan {
        let problem = model.problem
        let vehicles = problem.vehicles.indices.map(vehiclePlan)
        var unmet: [ClassShortfall] = []
        for (kind, tier) in Self.classes(of: problem) {
            let members = vehicles.indices.filter { problem.vehicles[$0].tier == tier }
            let energy = members.reduce(0.0) { sum, index in
                let shortfall = vehicles[index].shortfall
                return sum + (kind == .must ? shortfall.must.value : shortfall.total.value - shortfall.must.value)
            }
            unmet.append(ClassShortfall(kind: kind, tier: tier, energy: KilowattHours(energy)))
        }
        let site = (0..<model.slotCount).map { slot in
            SiteSlot(
                charging: Kilowatts(power.reduce(0.0) { $0 + $1[slot] }),
                fixedLoad: Kilowatts(model.siteFixedLoad[slot]),
                limit: Kilowatts(model.siteLimit[slot]))
        }
        let objectives = PlanObjectives(unmet: unmet, peak: site.map(\.total).max() ?? .zero, cost: cost(site))
        return Plan(grid: problem.grid, vehicles: vehicles, site: site, objectives: objectives, capacityDeficits: model.deficits)
    }

    /// Σ_t c_t Δ Σ_i p_{i,t} + Σ_t π_t x_t (docs/solver.md §2.3, without the tie-break).
    private func cost(_ site: [SiteSlot]) -> Double {
        let tariff = model.problem.tariff
        return site.indices.reduce(0.0) { sum, slot in
            var slotCost = tariff.prices[slot] * model.slotHours * site[slot].charging.value
            if !tariff.reservedCapacity.isEmpty {
                slotCost += tariff.excessPenalty[slot] * max(0, site[slot].total.value - tariff.reservedCapacity[slot].value)
            }
            return sum + slotCost
        }
    }

    /// The stage-1 classes in the order they are minimised: must before want, higher tiers first.
    static func classes(of problem: PlanningProblem) -> [(kind: ClassShortfall.Kind, tier: Int)] {
        let tiers = Set(problem.vehicles.map(\.tier)).sorted(by: >)
        return [ClassShortfall.Kind.must, .want].flatMap { kind in tiers.map { (kind, $0) } }
    }

    private func vehiclePlan(_ index: Int) -> VehiclePlan {
        let vehicle = model.problem.vehicles[index]
        let data = model.vehicles[index]
        let kilowatts = power[index]
        let perKilowatt = 100 * vehicle.efficiency * model.slotHours / vehicle.capacity.value
        var soc = [vehicle.stateOfCharge.value]
        for slotPower in kilowatts { soc.append((soc.last ?? 0) + perKilowatt * slotPower) }

        let deliveredEnergy = vehicle.efficiency * model.slotHours * kilowatts.reduce(0, +)
        let alone = vehicle.efficiency * Double(data.aloneUnits) / PlanningModel.unitsPerKilowattHour
        let must = Self.missing(vehicle.mustEnergy.value, deliveredEnergy)
        let total = Self.missing(vehicle.wantedEnergy.value, deliveredEnergy)
        let intrinsic = min(total, Self.missing(vehicle.wantedEnergy.value, alone))
        let shortfall = Shortfall(must: KilowattHours(must), total: KilowattHours(total), intrinsic: KilowattHours(intrinsic))

        let trajectory = soc.map { Percent($0) }
        return VehiclePlan(
            id: vehicle.id, power: kilowatts.map { Kilowatts($0) }, stateOfCharge: trajectory, deliveredEnergy: KilowattHours(deliveredEnergy),
            departureStateOfCharge: trajectory.last ?? vehicle.stateOfCharge,
            minTargetTime: time(reaching: vehicle.minTarget.value, soc, vehicle),
            maxTargetTime: time(reaching: vehicle.maxTarget.value, soc, vehicle),
            progress: progress(kilowatts, soc, vehicle),
            shortfall: shortfall,
            binding: total > Self.reportableShortfall ? binding(index, intrinsic) : [])
    }

    /// Energy still missing to a target, zero within the tolerance of the solvers.
    private static func missing(_ target: Double, _ delivered: Double) -> Double {
        target - delivered <= reachedTolerance ? 0 : target - delivered
    }

    /// The plugged-in part of a slot for a vehicle.
    private func pluggedPart(of slot: Int, _ vehicle: PlanningVehicle) -> Range<Date> {
        let grid = model.problem.grid
        let slotRange = grid.slotStart(slot)..<grid.slotStart(slot + 1)
        return slotRange.clamped(to: vehicle.arrival..<max(vehicle.arrival, vehicle.departure))
    }

    /// First instant the trajectory reaches a target, interpolated inside the plugged-in part of
    /// its slot; nil when the plan never reaches it.
    private func time(reaching target: Double, _ soc: [Double], _ vehicle: PlanningVehicle) -> Date? {
        // Flows are whole mWh rounded down, so a vehicle planned to its target may end a fraction of
        // a Wh below it: within the reportable shortfall counts as reached.
        let tolerance = Self.reportableShortfall / vehicle.capacity.value * 100
        if soc[0] >= target - tolerance { return max(vehicle.arrival, model.problem.grid.start) }
        for slot in 0..<model.slotCount where soc[slot + 1] >= target - tolerance {
            let part = pluggedPart(of: slot, vehicle)
            let share = min(1, max(0, (target - soc[slot]) / (soc[slot + 1] - soc[slot])))
            return part.lowerBound.addingTimeInterval(share * part.upperBound.timeIntervalSince(part.lowerBound))
        }
        return nil
    }

    /// Trajectory points at arrival, wherever the planned power changes, and at departure; thinned
    /// evenly to at most 24 points.
    private func progress(_ power: [Double], _ soc: [Double], _ vehicle: PlanningVehicle) -> [ProgressPoint] {
        let window = (0..<model.slotCount).filter { !pluggedPart(of: $0, vehicle).isEmpty }
        guard let first = window.first, let last = window.last else { return [] }
        var points = [ProgressPoint(time: pluggedPart(of: first, vehicle).lowerBound, stateOfCharge: Percent(soc[first]))]
        for slot in window.dropFirst() where abs(power[slot] - power[slot - 1]) > 1e-6 {
            points.append(ProgressPoint(time: model.problem.grid.slotStart(slot), stateOfCharge: Percent(soc[slot])))
        }
        points.append(ProgressPoint(time: pluggedPart(of: last, vehicle).upperBound, stateOfCharge: Percent(soc[last + 1])))
        guard points.count > Self.maxProgressPoints else { return points }
        let step = Double(points.count - 1) / Double(Self.maxProgressPoints - 1)
        return (0..<Self.maxProgressPoints).map { points[Int((Double($0) * step).rounded())] }
    }
}
