extension VDV463 {
    /// Present electrical values of a charging process.
    public struct ElectricData: Codable, Equatable, Sendable {
        /// A.
        public var chargingCurrent: Double?
        /// V, towards the vehicle.
        public var chargingVoltage: Double?
        /// kW (required in 1.0.0).
        public var chargingPower: Double?
        /// kvar.
        public var reactivePower: Double?

        /// Every field; optional ones default to absent.
        public init(chargingCurrent: Double? = nil, chargingVoltage: Double? = nil, chargingPower: Double? = nil, reactivePower: Double? = nil) {
            self.chargingCurrent = chargingCurrent
            self.chargingVoltage = chargingVoltage
            self.chargingPower = chargingPower
            self.reactivePower = reactivePower
        }
    }
}
