extension VDV463Session {
    /// Something worth a log line that changes nothing on the wire.
    public enum Notice: Equatable, Sendable {
        /// A ProvideChargingInformation confirmation with a different messageId was taken as the
        /// confirmation of the one outstanding (docs/vdv.md A4, a public client does this).
        case mismatchedConfirmation(expected: String, received: String)
        /// A confirmation or error that answers nothing Busbar is waiting for.
        case unexpectedConfirmation(action: VDV463.Action, messageId: String)
        /// The presystem answered a ProvideChargingInformation with an error.
        case refusedByPresystem(messageId: String, errorMessage: String)
        /// A frame that could not be read and cannot be answered.
        case dropped(VDV463.DecodeError)
    }
}
