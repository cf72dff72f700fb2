extension VDV463 {
    /// State of a hydrogen tank (2.0.0).
    public struct H2TankInfo: Codable, Equatable, Sendable {
        /// Condensed health, VDV 261 `h2_stat` via a code table.
        public var h2TankStatus: HealthStatus?

        /// Every field; optional ones default to absent.
        public init(h2TankStatus: HealthStatus? = nil) {
            self.h2TankStatus = h2TankStatus
        }
    }
}
