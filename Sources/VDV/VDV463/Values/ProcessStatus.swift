extension VDV463 {
    /// `processStatus` of a ChargingProcessInfo (mapping from OCPP in docs/vdv.md A6).
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct ProcessStatus: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// Plugged in, not yet charging.
        public static let preparing = Self(rawValue: "Preparing")
        /// Energy flows.
        public static let charging = Self(rawValue: "Charging")
        /// Paused by the charger or Busbar.
        public static let suspendedEVSE = Self(rawValue: "SuspendedEVSE")
        /// Paused by the vehicle.
        public static let suspendedEV = Self(rawValue: "SuspendedEV")
        /// The transaction has ended.
        public static let finishing = Self(rawValue: "Finishing")
        /// Busbar holds it before its planned slot.
        public static let queued = Self(rawValue: "Queued")
        /// The charger refused the start.
        public static let chargingRejectedTechnically = Self(rawValue: "ChargingRejectedTechnically")
    }
}
