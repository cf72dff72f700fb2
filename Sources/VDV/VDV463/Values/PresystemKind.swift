extension VDV463 {
    /// `presystem` of a BootNotification: which kind of upstream system connects.
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct PresystemKind: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// Depot management system.
        public static let bms = Self(rawValue: "BMS")
        /// Intermodal transport control system.
        public static let itcs = Self(rawValue: "ITCS")
    }
}
