extension VDV261.ParameterState {
    /// The VDV 463 `PreconditioningInfo` of the merged parameters (vdv.md B5); `{}` when nothing is known.
    public var preconditioningInfo: VDV463.PreconditioningInfo {
        VDV463.PreconditioningInfo(
            hvBatteryPreconditioningTime: parameters?.batReqtime,
            hvBatteryChargingEnergy: parameters?.batEamount,
            vehiclePreconditioningTime: parameters?.precReqtime,
            vehiclePreconditioningEnergy: parameters?.precEamount
        )
    }

    /// `vehicleChargingStatus` via the configured `chrg_stat` table; `Unknown` when never reported.
    public func vehicleChargingStatus(settings: VDV261.Settings) -> VDV463.VehicleChargingStatus {
        parameters?.chrgStat.map(settings.chargingStatus(for:)) ?? .unknown
    }

    /// `batteryStatus` via the configured `bat_stat` table; nil when never reported.
    public func batteryStatus(settings: VDV261.Settings) -> VDV463.HealthStatus? {
        parameters?.batStat.map(settings.batteryStatus(for:))
    }

    /// `h2TankStatus` via the configured `h2_stat` table; nil when never reported.
    public func h2TankStatus(settings: VDV261.Settings) -> VDV463.HealthStatus? {
        parameters?.h2Stat.map(settings.h2TankStatus(for:))
    }
}
