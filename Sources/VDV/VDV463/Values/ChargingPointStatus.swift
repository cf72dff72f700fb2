extension VDV463 {
    /// `chargingPointStatus` of a ChargingPointInfo (mapping from OCPP in docs/vdv.md A6).
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct ChargingPointStatus: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// Free for a vehicle.
        public static let available = Self(rawValue: "Available")
        /// A vehicle is plugged in.
        public static let occupied = Self(rawValue: "Occupied")
        /// Held for a vehicle.
        public static let reserved = Self(rawValue: "Reserved")
        /// Out of service or offline.
        public static let unavailable = Self(rawValue: "Unavailable")
        /// In a fault state.
        public static let faulted = Self(rawValue: "Faulted")
    }
}
