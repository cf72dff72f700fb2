import DepotModel
import Foundation

/// What a bus will draw at a SoC, for predictions: its taper — the vehicle's power curve, else the
/// default curve of docs/solver.md §2.1 (full power to the assumed taper start, linear to nothing at
/// 100 %) — scaled down to what it was measured to take, and never above the planned maximum.
struct AcceptanceModel: Sendable {
    /// The grid-side maximum the plan uses for the vehicle.
    let maximum: Double
    /// The taper in ascending SoC; empty when none is known or assumed.
    let curve: [PowerCurvePoint]
    /// The vehicle's own maximum, where the curve does not say.
    let vehicleMaximum: Double
    /// Measured acceptance against the taper at the SoC it was measured (≤ 1).
    let scale: Double

    /// - Parameters:
    ///   - maximum: the planning vehicle's maximum power.
    ///   - measured: what the running session was seen to take, if it takes less than allowed.
    ///   - assumedTaperStart: the SoC where a vehicle without a power curve is assumed to start
    ///     tapering; nil assumes it does not.
    init(vehicle: Vehicle, maximum: Kilowatts, measured: MeasuredAcceptance?, assumedTaperStart: Double?) {
        self.maximum = maximum.value
        vehicleMaximum = vehicle.maxPower.value
        curve = Self.taper(of: vehicle, assumedTaperStart: assumedTaperStart)
        let unscaled = Self.power(curve, at: measured?.stateOfCharge.value ?? 0, maximum: vehicle.maxPower.value)
        if let measured, unscaled > 0 {
            scale = min(1, measured.power.value / unscaled)
        } else {
            scale = 1
        }
    }

    /// The vehicle's power curve in ascending SoC, else the assumed default taper, else none: the
    /// one rule for predictions and the planner's input, so both expect the same battery.
    static func taper(of vehicle: Vehicle, assumedTaperStart: Double?) -> [PowerCurvePoint] {
        if !vehicle.powerCurve.isEmpty { return vehicle.powerCurve.sorted { $0.stateOfCharge < $1.stateOfCharge } }
        guard let start = assumedTaperStart, start < 100 else { return [] }
        return [
            PowerCurvePoint(stateOfCharge: Percent(start), maxPower: vehicle.maxPower),
            PowerCurvePoint(stateOfCharge: Percent(100), maxPower: .zero),
        ]
    }

    /// Grid-side kW the bus takes at `soc`.
    func power(atStateOfCharge soc: Double) -> Double {
        min(maximum, scale * Self.power(curve, at: soc, maximum: vehicleMaximum))
    }

    /// The curve's power at a SoC, linear between points and flat beyond the ends; `maximum` without a curve.
    private static func power(_ curve: [PowerCurvePoint], at soc: Double, maximum: Double) -> Double {
        guard let upper = curve.firstIndex(where: { $0.stateOfCharge.value >= soc }) else { return curve.last?.maxPower.value ?? maximum }
        guard upper > 0 else { return curve[0].maxPower.value }
        let low = curve[upper - 1]
        let high = curve[upper]
        let span = high.stateOfCharge.value - low.stateOfCharge.value
        guard span > 0 else { return high.maxPower.value }
        let share = (soc - low.stateOfCharge.value) / span
        return low.maxPower.value + share * (high.maxPower.value - low.maxPower.value)
    }
}
