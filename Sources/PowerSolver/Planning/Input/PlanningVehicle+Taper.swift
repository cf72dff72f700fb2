import DepotModel

extension PlanningVehicle {
    /// The power curve in ascending SoC.
    var sortedCurve: [PowerCurvePoint] { powerCurve.sorted { $0.stateOfCharge < $1.stateOfCharge } }
}
