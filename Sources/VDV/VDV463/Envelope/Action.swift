extension VDV463 {
    /// Item 5 of the envelope (docs/vdv.md A4): the three actions VDV 463 knows.
    public enum Action: String, Sendable, CaseIterable {
        /// Presystem → Busbar, opens the session.
        case bootNotification = "BootNotification"
        /// Presystem → Busbar, the complete list of charging requests.
        case provideChargingRequests = "ProvideChargingRequests"
        /// Busbar → presystem, the depot status every 15 s.
        case provideChargingInformation = "ProvideChargingInformation"
    }
}
