extension VDV463 {
    /// Payload of Busbar's BootNotification confirmation (docs/vdv.md A4).
    public struct BootNotificationResponse: Codable, Equatable, Sendable {
        /// Accepted, or Rejected followed by closing the socket.
        public var status: BootNotificationStatus

        /// Every field; optional ones default to absent.
        public init(status: BootNotificationStatus) {
            self.status = status
        }
    }
}
