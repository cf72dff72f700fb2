extension VDV463 {
    /// Preconditioning needs the vehicle reports over VDV 261 (docs/vdv.md B5).
    public struct PreconditioningInfo: Codable, Equatable, Sendable {
        /// `bat_reqtime`, minutes.
        public var hvBatteryPreconditioningTime: Int?
        /// `bat_eamount`, Wh, including preconditioning.
        public var hvBatteryChargingEnergy: Int?
        /// `prec_reqtime`, minutes.
        public var vehiclePreconditioningTime: Int?
        /// `prec_eamount`, Wh.
        public var vehiclePreconditioningEnergy: Int?

        /// Every field; optional ones default to absent.
        public init(
            hvBatteryPreconditioningTime: Int? = nil,
            hvBatteryChargingEnergy: Int? = nil,
            vehiclePreconditioningTime: Int? = nil,
            vehiclePreconditioningEnergy: Int? = nil
        ) {
            self.hvBatteryPreconditioningTime = hvBatteryPreconditioningTime
            self.hvBatteryChargingEnergy = hvBatteryChargingEnergy
            self.vehiclePreconditioningTime = vehiclePreconditioningTime
            self.vehiclePreconditioningEnergy = vehiclePreconditioningEnergy
        }
    }
}
