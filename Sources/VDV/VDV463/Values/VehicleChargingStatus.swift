extension VDV463 {
    /// `vehicleChargingStatus` of a VehicleInfo.
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct VehicleChargingStatus: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// Ready, not charging.
        public static let readyToCharge = Self(rawValue: "ReadyToCharge")
        /// Charging.
        public static let charging = Self(rawValue: "Charging")
        /// The vehicle cannot charge.
        public static let chargingImpossible = Self(rawValue: "ChargingImpossible")
        /// Charging while preconditioning (2.0.0).
        public static let chargingAndPreconditioning = Self(rawValue: "ChargingAndPreconditioning")
        /// Preconditioning only (2.0.0).
        public static let preconditioning = Self(rawValue: "Preconditioning")
        /// Not known.
        public static let unknown = Self(rawValue: "Unknown")
    }
}
