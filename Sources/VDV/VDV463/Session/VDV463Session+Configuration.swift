extension VDV463Session {
    /// The per-presystem settings of a session (docs/vdv.md A2, A4), from `upstream.vdv463` of the depot file.
    public struct Configuration: Equatable, Sendable {
        /// The presystemId bound to the credentials the peer authenticated with.
        public var presystemId: String
        /// A disabled presystem gets `Rejected` at boot.
        public var isEnabled: Bool
        /// Cadence of ProvideChargingInformation; 15 s is what deployed systems do, at least 1 s.
        public var chargingInformationInterval: Duration
        /// How long a ProvideChargingInformation may stay unconfirmed before the socket is closed with 1001.
        public var confirmationTimeout: Duration

        /// Settings with the defaults of docs/vdv.md A4; an interval below 1 s is raised to 1 s.
        public init(
            presystemId: String,
            isEnabled: Bool = true,
            chargingInformationInterval: Duration = .seconds(15),
            confirmationTimeout: Duration = .seconds(60)
        ) {
            self.presystemId = presystemId
            self.isEnabled = isEnabled
            self.chargingInformationInterval = max(chargingInformationInterval, .seconds(1))
            self.confirmationTimeout = confirmationTimeout
        }
    }
}
