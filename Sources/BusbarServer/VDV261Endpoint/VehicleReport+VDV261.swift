import DepotModel
import DepotRuntime
import VDV

extension VehicleReport {
    /// The needs a vehicle reported during its plug-in, scaled into minutes and Wh by the depot's
    /// factors (docs/vdv.md B6), as the runtime takes them.
    init(vehicle: VehicleID, reported: VDV261.ParameterState, settings: VDV261.Settings) {
        let info = reported.preconditioningInfo(settings: settings)
        self.init(
            vehicle: vehicle, batteryTime: info.hvBatteryPreconditioningTime.map { .seconds($0 * 60) },
            cabinTime: info.vehiclePreconditioningTime.map { .seconds($0 * 60) },
            batteryEnergy: info.hvBatteryChargingEnergy.map { KilowattHours(Double($0) / 1000) },
            cabinEnergy: info.vehiclePreconditioningEnergy.map { KilowattHours(Double($0) / 1000) })
    }
}
