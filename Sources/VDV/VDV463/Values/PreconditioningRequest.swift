extension VDV463 {
    /// The climate mode asked for by AutomaticPreconditioning (docs/vdv.md A6, B5 `prec_hvac`).
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct PreconditioningRequest: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// `prec_hvac` 0.
        public static let warmWaterAndVentilation = Self(rawValue: "WarmWaterAndVentilation")
        /// `prec_hvac` 1.
        public static let hotWaterAndHeating = Self(rawValue: "HotWaterAndHeating")
        /// `prec_hvac` 2.
        public static let noWaterCoolingOrVentilation = Self(rawValue: "NoWaterCoolingOrVentilation")
        /// `prec_hvac` 3 (1.0.0 name).
        public static let noClimaticPreconditioningOrSNA = Self(rawValue: "NoClimaticPreconditioningOrSNA")
        /// `prec_hvac` 3 (2.0.0 name).
        public static let noClimatePreconditioningOrAutomaticPreselectionByTheVehicle = Self(
            rawValue: "NoClimatePreconditioningOrAutomaticPreselectionByTheVehicle")
        /// Signal not available (2.0.0).
        public static let sna = Self(rawValue: "SNA")
    }
}
