import DepotModel
import Foundation
import PowerSolver

/// The departure forecast of one vehicle (docs/solver.md §4): its plan rolled forward from the SoC
/// measured now, minute by minute at the lesser of what the plan intends and what the bus takes
/// (its taper, its measured acceptance), stopping at the max target. The plan stays what the
/// allocator follows; this is what Busbar expects to happen, so a plan made minutes ago, an
/// arrival SoC that differed from the measured one, or a bus that tapers or takes less than its
/// limit no longer makes the forecast optimistic.
struct DeparturePrediction {
    /// The integration step: short against the taper, long against the cost of every tick.
    static let step: TimeInterval = 60

    let plan: VehiclePlan
    /// The vehicle as planned: window, capacity, efficiency, targets.
    let vehicle: PlanningVehicle
    let grid: SlotGrid
    let acceptance: AcceptanceModel

    /// The forecast from `now` with the SoC the vehicle has (or, not yet arrived, is expected with).
    func vehiclePlan(from now: Date, stateOfCharge: Percent) -> VehiclePlan {
        let start = max(now, vehicle.arrival)
        let window = vehicle.arrival..<max(vehicle.arrival, vehicle.departure)
        let capacity = max(1e-9, vehicle.capacity.value)
        let tolerance = 1e-3 / capacity * 100
        var soc = stateOfCharge.value
        var trajectory = Array(repeating: soc, count: grid.count + 1)
        var energy = Array(repeating: 0.0, count: grid.count)
        var minTime: Date? = soc >= vehicle.minTarget.value - tolerance ? start : nil
        var maxTime: Date? = soc >= vehicle.maxTarget.value - tolerance ? start : nil
        let first = grid.slot(containing: start) ?? (start < grid.start ? 0 : grid.count)
        var time = start
        // Grid kWh the bus is behind its plan: what it could not take is taken later, up to what
        // it accepts (the allocator gives a bus below target any free power, a re-plan moves it),
        // not lost. It starts with the gap between the plan's SoC now and the measured one.
        var backlog = max(0, (plannedStateOfCharge(at: start) - soc) / 100 * capacity / vehicle.efficiency)
        for slot in first..<grid.count {
            let end = min(grid.slotStart(slot + 1), window.upperBound)
            let alpha = grid.coverage(of: slot, by: window)
            // The plan's power is the slot average over the whole slot; the bus draws it only
            // while plugged in, at power / α.
            let intended = alpha > 0 && slot < plan.power.count ? plan.power[slot].value / alpha : 0
            while time < end {
                let seconds = min(Self.step, end.timeIntervalSince(time))
                let catchUp = intended + backlog * 3600 / seconds
                var power = soc >= vehicle.maxTarget.value ? 0 : max(0, min(catchUp, acceptance.power(atStateOfCharge: soc)))
                var gain = power * vehicle.efficiency * seconds / 3600 / capacity * 100
                if soc + gain > vehicle.maxTarget.value, gain > 0 {
                    power *= (vehicle.maxTarget.value - soc) / gain
                    gain = vehicle.maxTarget.value - soc
                }
                let before = soc
                soc += gain
                energy[slot] += power * seconds / 3600
                backlog = max(0, backlog + (intended - power) * seconds / 3600)
                if gain > 0 {
                    if minTime == nil, soc >= vehicle.minTarget.value - tolerance {
                        minTime = time.addingTimeInterval(seconds * min(1, max(0, (vehicle.minTarget.value - before) / gain)))
                    }
                    if maxTime == nil, soc >= vehicle.maxTarget.value - tolerance {
                        maxTime = time.addingTimeInterval(seconds * min(1, max(0, (vehicle.maxTarget.value - before) / gain)))
                    }
                }
                time = time.addingTimeInterval(seconds)
            }
            trajectory[slot + 1] = soc
        }
        let slotHours = grid.slotLength.secondsValue / 3600
        let power = energy.map { Kilowatts($0 / slotHours) }
        let must = max(0, (vehicle.minTarget.value - soc) / 100 * capacity)
        let total = max(0, (vehicle.maxTarget.value - soc) / 100 * capacity)
        let shortfall = Shortfall(
            must: KilowattHours(must > 1e-3 ? must : 0), total: KilowattHours(total > 1e-3 ? total : 0),
            intrinsic: KilowattHours(min(total, plan.shortfall.intrinsic.value)))
        return VehiclePlan(
            id: plan.id, power: power, stateOfCharge: trajectory.map { Percent($0) },
            deliveredEnergy: KilowattHours(energy.reduce(0, +) * vehicle.efficiency), departureStateOfCharge: Percent(soc),
            minTargetTime: minTime, maxTargetTime: maxTime, progress: progress(power, trajectory, first: first, start: start, window: window),
            shortfall: shortfall, binding: plan.binding)
    }

    /// Points at the start, wherever the forecast power changes, and at departure; at most 24.
    private func progress(_ power: [Kilowatts], _ soc: [Double], first: Int, start: Date, window: Range<Date>) -> [ProgressPoint] {
        let slots = (first..<grid.count).filter { grid.coverage(of: $0, by: window) > 0 }
        guard let head = slots.first, let last = slots.last else { return [] }
        var points = [ProgressPoint(time: start, stateOfCharge: Percent(soc[head]))]
        for slot in slots.dropFirst() where power[slot] != power[slot - 1] {
            points.append(ProgressPoint(time: grid.slotStart(slot), stateOfCharge: Percent(soc[slot])))
        }
        points.append(ProgressPoint(time: min(window.upperBound, grid.slotStart(last + 1)), stateOfCharge: Percent(soc[last + 1])))
        let limit = 24
        guard points.count > limit else { return points }
        let step = Double(points.count - 1) / Double(limit - 1)
        return (0..<limit).map { points[Int((Double($0) * step).rounded())] }
    }

    /// The plan's SoC at an instant, linear inside its slot.
    private func plannedStateOfCharge(at instant: Date) -> Double {
        guard let slot = grid.slot(containing: instant), slot + 1 < plan.stateOfCharge.count else {
            return instant < grid.start ? plan.stateOfCharge.first?.value ?? 0 : plan.stateOfCharge.last?.value ?? 0
        }
        let share = instant.timeIntervalSince(grid.slotStart(slot)) / grid.slotLength.secondsValue
        return plan.stateOfCharge[slot].value + share * (plan.stateOfCharge[slot + 1].value - plan.stateOfCharge[slot].value)
    }
}
