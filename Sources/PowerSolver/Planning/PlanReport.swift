import DepotModel
import Foundation

/// Turns the final flow into the planner's outputs (docs/solver.md §4): profiles, trajectories,
/// predicted times, progress lists, shortfalls and binding constraints.
struct PlanReport {
    /// Shortfalls below this are rounding, not news (1 Wh).
    static let reportableShortfall = 1e-3
    static let maxProgressPoints = 24

    let model: PlanningModel
    let network: TimeExpandedNetwork
    let peak: Double

    func plan() -> Plan {
        let problem = model.problem
        let vehicles = problem.vehicles.indices.map(vehiclePlan)
        var unmet: [ClassShortfall] = []
        for group in network.groups where !unmet.contains(where: { $0.kind == group.kind && $0.tier == group.tier }) {
            let members = vehicles.indices.filter { problem.vehicles[$0].tier == group.tier }
            let energy = members.reduce(0.0) { sum, index in
                let shortfall = vehicles[index].shortfall
                return sum + (group.kind == .must ? shortfall.must.value : shortfall.total.value - shortfall.must.value)
            }
            unmet.append(ClassShortfall(kind: group.kind, tier: group.tier, energy: KilowattHours(energy)))
        }
        let site = (0..<model.slotCount).map { slot in
            SiteSlot(
                charging: Kilowatts(model.kilowatts(network.siteFlow(slot: slot))),
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

    private func vehiclePlan(_ index: Int) -> VehiclePlan {
        let vehicle = model.problem.vehicles[index]
        let data = model.vehicles[index]
        let flows = network.vehicleFlow(index)
        let power = flows.map { Kilowatts(model.kilowatts($0)) }
        let perUnit = 100 * vehicle.efficiency / PlanningModel.unitsPerKilowattHour / vehicle.capacity.value
        var soc = [vehicle.stateOfCharge.value]
        for flow in flows { soc.append((soc.last ?? 0) + perUnit * Double(flow)) }

        let delivered = flows.reduce(0, +)
        let deliveredEnergy = vehicle.efficiency * Double(delivered) / PlanningModel.unitsPerKilowattHour
        let reachable = data.aloneUnits
        let must = delivered >= data.mustUnits ? 0 : max(0, vehicle.mustEnergy.value - deliveredEnergy)
        let total = delivered >= data.wantUnits ? 0 : max(0, vehicle.wantedEnergy.value - deliveredEnergy)
        let alone = vehicle.efficiency * Double(reachable) / PlanningModel.unitsPerKilowattHour
        let intrinsic = reachable >= data.wantUnits ? 0 : min(total, max(0, vehicle.wantedEnergy.value - alone))
        let shortfall = Shortfall(must: KilowattHours(must), total: KilowattHours(total), intrinsic: KilowattHours(intrinsic))

        let trajectory = soc.map { Percent($0) }
        return VehiclePlan(
            id: vehicle.id, power: power, stateOfCharge: trajectory, deliveredEnergy: KilowattHours(deliveredEnergy),
            departureStateOfCharge: trajectory.last ?? vehicle.stateOfCharge,
            minTargetTime: time(reaching: vehicle.minTarget.value, soc, vehicle),
            maxTargetTime: time(reaching: vehicle.maxTarget.value, soc, vehicle),
            progress: progress(flows, soc, vehicle),
            shortfall: shortfall,
            binding: total > Self.reportableShortfall
                ? BindingAnalysis(model: model, network: network, peak: peak).constraints(for: index, intrinsic: intrinsic) : [])
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
    private func progress(_ flows: [Int64], _ soc: [Double], _ vehicle: PlanningVehicle) -> [ProgressPoint] {
        let window = (0..<model.slotCount).filter { !pluggedPart(of: $0, vehicle).isEmpty }
        guard let first = window.first, let last = window.last else { return [] }
        var points = [ProgressPoint(time: pluggedPart(of: first, vehicle).lowerBound, stateOfCharge: Percent(soc[first]))]
        for slot in window.dropFirst() where flows[slot] != flows[slot - 1] {
            points.append(ProgressPoint(time: model.problem.grid.slotStart(slot), stateOfCharge: Percent(soc[slot])))
        }
        points.append(ProgressPoint(time: pluggedPart(of: last, vehicle).upperBound, stateOfCharge: Percent(soc[last + 1])))
        guard points.count > Self.maxProgressPoints else { return points }
        let step = Double(points.count - 1) / Double(Self.maxProgressPoints - 1)
        return (0..<Self.maxProgressPoints).map { points[Int((Double($0) * step).rounded())] }
    }
}
