extension VDV463 {
    /// Payload of the presystem's BootNotification (docs/vdv.md A4).
    public struct BootNotificationRequest: Codable, Equatable, Sendable {
        /// `BMS` or `ITCS`; anything else is rejected.
        public var presystem: PresystemKind

        /// Every field; optional ones default to absent.
        public init(presystem: PresystemKind) {
            self.presystem = presystem
        }
    }
}
