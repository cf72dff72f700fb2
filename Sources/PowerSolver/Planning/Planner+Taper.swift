import DepotModel

extension Planner {
    /// Caps for a refinement pass: in each slot the largest power whose end-of-slot SoC, starting
    /// from the previous plan's SoC at the slot's start, still allows it.
    func refinedCaps(_ vehicle: PlanningVehicle, _ planned: VehiclePlan, grid: SlotGrid) -> [Double] {
        let window = vehicle.arrival..<max(vehicle.arrival, vehicle.departure)
        let curve = vehicle.sortedCurve
        let socPerKilowatt = 100 * vehicle.efficiency * grid.slotLength.hours / vehicle.capacity.value
        return (0..<grid.count).map { slot in
            let alpha = grid.coverage(of: slot, by: window)
            guard !curve.isEmpty else { return alpha * vehicle.maxPower.value }
            let start = planned.stateOfCharge[slot].value
            return PlanningModel.largestPower(alpha: alpha, maximum: vehicle.maxPower.value) {
                PlanningModel.curvePower(curve, at: start + socPerKilowatt * $0)
            }
        }
    }

    /// Whether a plan keeps p_t ≤ α_t · f(SoC at the end of slot t) in every slot.
    func respectsTaper(_ vehicle: PlanningVehicle, _ planned: VehiclePlan, grid: SlotGrid) -> Bool {
        guard !vehicle.powerCurve.isEmpty else { return true }
        let window = vehicle.arrival..<max(vehicle.arrival, vehicle.departure)
        return (0..<grid.count).allSatisfy { slot in
            let alpha = grid.coverage(of: slot, by: window)
            let allowed =
                alpha * min(vehicle.maxPower.value, PlanningModel.curvePower(vehicle.sortedCurve, at: planned.stateOfCharge[slot + 1].value))
            return planned.power[slot].value <= allowed + 1e-9
        }
    }
}
