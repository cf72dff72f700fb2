extension VDV463 {
    /// The vehicle at a point, mostly from VDV 261 and the OCPP `SoC` (docs/vdv.md A6, B5).
    /// Unknown sub-objects are sent as `{}`, which is valid because they have no required fields.
    public struct VehicleInfo: Codable, Equatable, Sendable {
        /// VIN.
        public var vehicleId: String
        /// The EVCC MAC address.
        public var evccId: String?
        /// Odometer, km (unconfirmed).
        public var mileage: Int?
        /// Battery state.
        public var tractionBatteryInfo: TractionBatteryInfo?
        /// Hydrogen tank state (2.0.0).
        public var h2TankInfo: H2TankInfo?
        /// Activity flags.
        public var vehicleStatusInfo: VehicleStatusInfo
        /// Whether it charges or preconditions.
        public var vehicleChargingStatus: VehicleChargingStatus
        /// The vehicle's fault.
        public var vehicleFaultInfo: VehicleFaultInfo?
        /// Times and energies the vehicle reports for preconditioning.
        public var preconditioningInfo: PreconditioningInfo

        /// Every field; optional ones default to absent.
        public init(
            vehicleId: String,
            evccId: String? = nil,
            mileage: Int? = nil,
            tractionBatteryInfo: TractionBatteryInfo? = nil,
            h2TankInfo: H2TankInfo? = nil,
            vehicleStatusInfo: VehicleStatusInfo,
            vehicleChargingStatus: VehicleChargingStatus,
            vehicleFaultInfo: VehicleFaultInfo? = nil,
            preconditioningInfo: PreconditioningInfo
        ) {
            self.vehicleId = vehicleId
            self.evccId = evccId
            self.mileage = mileage
            self.tractionBatteryInfo = tractionBatteryInfo
            self.h2TankInfo = h2TankInfo
            self.vehicleStatusInfo = vehicleStatusInfo
            self.vehicleChargingStatus = vehicleChargingStatus
            self.vehicleFaultInfo = vehicleFaultInfo
            self.preconditioningInfo = preconditioningInfo
        }
    }
}
