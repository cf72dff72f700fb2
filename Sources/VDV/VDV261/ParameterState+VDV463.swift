extension VDV261.ParameterState {
    /// The VDV 463 `VehicleInfo` of what the vehicle reported (docs/vdv.md B5), nil before its first
    /// request. VDV 261 carries no state of charge: the adapter adds `stateOfCharge` from OCPP.
    /// `evccid` is passed on as the vehicle wrote it.
    public func vehicleInfo(settings: VDV261.Settings) -> VDV463.VehicleInfo? {
        guard let parameters else { return nil }
        return VDV463.VehicleInfo(
            vehicleId: parameters.vin,
            evccId: parameters.evccid,
            mileage: settings.scaled(parameters.odo, .odo),
            tractionBatteryInfo: batteryStatus(settings: settings).map { VDV463.TractionBatteryInfo(batteryStatus: $0) },
            h2TankInfo: h2TankStatus(settings: settings).map { VDV463.H2TankInfo(h2TankStatus: $0) },
            vehicleStatusInfo: VDV463.VehicleStatusInfo(),
            vehicleChargingStatus: vehicleChargingStatus(settings: settings),
            preconditioningInfo: preconditioningInfo(settings: settings)
        )
    }

    /// The VDV 463 `PreconditioningInfo` of the merged parameters in minutes and Wh (docs/vdv.md B5);
    /// `{}` when nothing is known.
    public func preconditioningInfo(settings: VDV261.Settings) -> VDV463.PreconditioningInfo {
        VDV463.PreconditioningInfo(
            hvBatteryPreconditioningTime: settings.scaled(parameters?.batReqtime, .batReqtime),
            hvBatteryChargingEnergy: settings.scaled(parameters?.batEamount, .batEamount),
            vehiclePreconditioningTime: settings.scaled(parameters?.precReqtime, .precReqtime),
            vehiclePreconditioningEnergy: settings.scaled(parameters?.precEamount, .precEamount)
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
