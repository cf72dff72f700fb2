extension VDV463 {
    /// `chargingStationFaultCode` of a ChargingStationFaultInfo.
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct ChargingStationFaultCode: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// No fault.
        public static let noFaultKnown = Self(rawValue: "NoFaultKnown")
        /// Misuse at the station.
        public static let usageFailure = Self(rawValue: "UsageFailure")
        /// The station is offline or does not answer.
        public static let communicationFailure = Self(rawValue: "CommunicationFailure")
        /// Electrical fault.
        public static let electricalOperationFailure = Self(rawValue: "ElectricalOperationFailure")
        /// Misconfigured station.
        public static let configurationFailure = Self(rawValue: "ConfigurationFailure")
        /// Any other station fault.
        public static let otherChargingStationFailure = Self(rawValue: "OtherChargingStationFailure")
    }
}
