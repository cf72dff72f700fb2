extension VDV463 {
    /// `chargingPointFaultCode` of a ChargingPointFaultInfo.
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct ChargingPointFaultCode: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// No fault.
        public static let noFaultKnown = Self(rawValue: "NoFaultKnown")
        /// Misuse at the point.
        public static let usageFailure = Self(rawValue: "UsageFailure")
        /// No communication with the point.
        public static let communicationFailure = Self(rawValue: "CommunicationFailure")
        /// Any other point fault.
        public static let otherChargingPointFailure = Self(rawValue: "OtherChargingPointFailure")
    }
}
