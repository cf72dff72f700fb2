extension VDV463 {
    /// 1.0.0 `chargingInstruction` of a ChargingRequest; only `Terminate` means something to Busbar (docs/vdv.md A5).
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct ChargingInstruction: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// No extra meaning.
        public static let normal = Self(rawValue: "Normal")
        /// No extra meaning.
        public static let changed = Self(rawValue: "Changed")
        /// Delete the request, as if it were absent from the list.
        public static let terminate = Self(rawValue: "Terminate")
    }
}
