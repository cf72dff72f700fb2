extension VDV463 {
    /// What the vehicle is currently doing besides charging.
    public struct VehicleStatusInfo: Codable, Equatable, Sendable {
        /// Conservation (maintenance) charging is active.
        public var conservationChargingActive: Bool?
        /// System preconditioning is active.
        public var systemPreconditioningActive: Bool?
        /// Climate preconditioning is active.
        public var hvacPreconditioningActive: Bool?
        /// Cell balancing is active.
        public var balancingActive: Bool?
        /// A fuel-fired heater is active.
        public var fossilFlameControlActive: Bool?
        /// Charging voltage of the 12/24 V battery, V.
        public var batteryChargingVoltage: Double?

        /// Every field; optional ones default to absent.
        public init(
            conservationChargingActive: Bool? = nil,
            systemPreconditioningActive: Bool? = nil,
            hvacPreconditioningActive: Bool? = nil,
            balancingActive: Bool? = nil,
            fossilFlameControlActive: Bool? = nil,
            batteryChargingVoltage: Double? = nil
        ) {
            self.conservationChargingActive = conservationChargingActive
            self.systemPreconditioningActive = systemPreconditioningActive
            self.hvacPreconditioningActive = hvacPreconditioningActive
            self.balancingActive = balancingActive
            self.fossilFlameControlActive = fossilFlameControlActive
            self.batteryChargingVoltage = batteryChargingVoltage
        }
    }
}
