import DepotModel
import DepotRuntime
import Foundation
import VDV

extension VDV463.VehicleInfo {
    /// Adds the `preconditioning` policy's plan to a vehicle's report (docs/vdv.md A6, B5). While the
    /// window is open, `vehicleStatusInfo` says what conditions (the cabin unless the mode is
    /// `None`, the system when the plan includes the battery) and, unless a `chrg_stat` table gave
    /// the status, `vehicleChargingStatus` becomes `Preconditioning` or `ChargingAndPreconditioning`.
    /// Times and energies the vehicle did not report over VDV 261 are the plan's: the window in
    /// minutes and the reserved HVAC power over it in Wh. The 2.0.0 schema has no planned start.
    /// - Parameters:
    ///   - charging: whether the connector is charging now.
    ///   - statusReported: whether the status came from the vehicle's `chrg_stat` table.
    mutating func add(_ plan: PreconditioningSnapshot, charging: Bool, statusReported: Bool) {
        let cabin = plan.mode != .none
        let minutes = Int((plan.finish.timeIntervalSince(plan.start) / 60).rounded())
        if cabin {
            preconditioningInfo.vehiclePreconditioningTime = preconditioningInfo.vehiclePreconditioningTime ?? minutes
            if plan.hvacKw > 0 {
                preconditioningInfo.vehiclePreconditioningEnergy =
                    preconditioningInfo.vehiclePreconditioningEnergy ?? Int((plan.hvacKw * Double(minutes) / 60 * 1000).rounded())
            }
        }
        if plan.battery {
            preconditioningInfo.hvBatteryPreconditioningTime = preconditioningInfo.hvBatteryPreconditioningTime ?? minutes
        }
        vehicleStatusInfo.hvacPreconditioningActive = plan.active && cabin
        vehicleStatusInfo.systemPreconditioningActive = plan.active && plan.battery
        if plan.active, !statusReported {
            vehicleChargingStatus = charging ? .chargingAndPreconditioning : .preconditioning
        }
    }
}
