extension VDV463Session {
    /// What the WebSocket handler must do after an event, in order.
    public enum Action: Equatable, Sendable {
        /// Send this frame (a confirmation or an error).
        case send(VDV463.Message)
        /// Build a ProvideChargingInformation from the depot's state (with the session's
        /// `rejections`) under this messageId and send it now.
        case sendChargingInformation(messageId: String)
        /// Store this diff in one transaction, then report `chargingRequestsCommitted` or
        /// `chargingRequestsFailed` with the messageId; the confirmation goes out only then (reliability.md D1).
        case persistChargingRequests(messageId: String, diff: VDV463.ChargingRequestDiff)
        /// Close the WebSocket with this code and reason; the session ignores every later event.
        case close(code: UInt16, reason: String)
        /// Log this deviation; nothing else to do.
        case log(Notice)
    }

    /// Something worth a log line that changes nothing on the wire.
    public enum Notice: Equatable, Sendable {
        /// A ProvideChargingInformation confirmation with a different messageId was taken as the
        /// confirmation of the one outstanding (vdv.md A4, a public client does this).
        case mismatchedConfirmation(expected: String, received: String)
        /// A confirmation or error that answers nothing Busbar is waiting for.
        case unexpectedConfirmation(action: VDV463.Action, messageId: String)
        /// The presystem answered a ProvideChargingInformation with an error.
        case refusedByPresystem(messageId: String, errorMessage: String)
        /// A frame that could not be read and cannot be answered.
        case dropped(VDV463.DecodeError)
    }
}
