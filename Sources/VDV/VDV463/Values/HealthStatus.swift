extension VDV463 {
    /// Condensed health of a traction battery (`batteryStatus`) or H2 tank (`h2TankStatus`), 2.0.0.
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct HealthStatus: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// Healthy.
        public static let ok = Self(rawValue: "OK")
        /// Not healthy.
        public static let nok = Self(rawValue: "NOK")
        /// Not known.
        public static let notAvailable = Self(rawValue: "NA")
    }
}
