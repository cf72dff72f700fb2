extension VDV463 {
    /// `chargingPredictionDataStatus` (2.0.0): whether a forecast is still moving.
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct ChargingPredictionDataStatus: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The forecast may still change.
        public static let ongoing = Self(rawValue: "Ongoing")
        /// The process is over; the values are final.
        public static let finished = Self(rawValue: "Finished")
    }
}
