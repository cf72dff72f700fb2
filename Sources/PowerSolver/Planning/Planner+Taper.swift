import DepotModel

extension Planner {
    /// Caps for a refinement pass: the curve's power at the SoC the previous plan reaches at the
    /// end of each slot (the highest SoC within the slot).
    func refinedCaps(_ vehicle: PlanningVehicle, _ planned: VehiclePlan, grid: SlotGrid) -> [Double] {
        let window = vehicle.arrival..<max(vehicle.arrival, vehicle.departure)
        return (0..<grid.count).map { slot in
            let alpha = grid.coverage(of: slot, by: window)
            guard !vehicle.powerCurve.isEmpty else { return alpha * vehicle.maxPower.value }
            return alpha * min(vehicle.maxPower.value, PlanningModel.curvePower(vehicle.sortedCurve, at: planned.stateOfCharge[slot + 1].value))
        }
    }

    /// Whether a plan keeps p_t ≤ α_t · f(SoC at the end of slot t) in every slot.
    func respectsTaper(_ vehicle: PlanningVehicle, _ planned: VehiclePlan, grid: SlotGrid) -> Bool {
        guard !vehicle.powerCurve.isEmpty else { return true }
        let window = vehicle.arrival..<max(vehicle.arrival, vehicle.departure)
        return (0..<grid.count).allSatisfy { slot in
            let alpha = grid.coverage(of: slot, by: window)
            let allowed = alpha * min(vehicle.maxPower.value, PlanningModel.curvePower(vehicle.sortedCurve, at: planned.stateOfCharge[slot + 1].value))
            return planned.power[slot].value <= allowed + 1e-9
        }
    }
}

extension PlanningVehicle {
    /// The power curve in ascending SoC.
    var sortedCurve: [PowerCurvePoint] { powerCurve.sorted { $0.stateOfCharge < $1.stateOfCharge } }
}
