extension VDV463Session {
    /// What the WebSocket handler must do after an event, in order.
    public enum Action: Equatable, Sendable {
        /// Send this frame (a confirmation or an error).
        case send(VDV463.Message)
        /// Build a ProvideChargingInformation from the depot's state (with the session's
        /// `rejections`) under this messageId and send it now.
        case sendChargingInformation(messageId: String)
        /// Store this diff in one transaction, then report `chargingRequestsCommitted` or
        /// `chargingRequestsFailed` with the messageId; the confirmation goes out only then (docs/reliability.md D1).
        case persistChargingRequests(messageId: String, diff: VDV463.ChargingRequestDiff)
        /// Close the WebSocket with this code and reason; the session ignores every later event.
        case close(code: UInt16, reason: String)
        /// Log this deviation; nothing else to do.
        case log(Notice)
    }
}
