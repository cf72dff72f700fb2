extension VDV463 {
    /// State of the traction battery.
    public struct TractionBatteryInfo: Codable, Equatable, Sendable {
        /// %, 0–100, of the current usable capacity.
        public var stateOfCharge: Double?
        /// %, 0–100, of the specified capacity.
        public var stateOfHealth: Double?
        /// °C (unit unconfirmed).
        public var temperature: Int?
        /// Condensed health (2.0.0), VDV 261 `bat_stat` via a code table.
        public var batteryStatus: HealthStatus?

        /// Every field; optional ones default to absent.
        public init(stateOfCharge: Double? = nil, stateOfHealth: Double? = nil, temperature: Int? = nil, batteryStatus: HealthStatus? = nil) {
            self.stateOfCharge = stateOfCharge
            self.stateOfHealth = stateOfHealth
            self.temperature = temperature
            self.batteryStatus = batteryStatus
        }
    }
}
