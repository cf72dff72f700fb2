extension VDV463 {
    /// `status` of the BootNotification confirmation.
    /// Open: a value outside the schema is kept as it came (docs/vdv.md A7), so newer peers are not refused.
    public struct BootNotificationStatus: RawRepresentable, Hashable, Codable, Sendable {
        /// The string on the wire.
        public var rawValue: String

        /// Any wire string, known or not.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The presystem may send requests.
        public static let accepted = Self(rawValue: "Accepted")
        /// Busbar closes the connection after sending this.
        public static let rejected = Self(rawValue: "Rejected")
    }
}
