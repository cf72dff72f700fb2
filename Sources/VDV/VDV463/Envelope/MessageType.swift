extension VDV463 {
    /// Item 0 of the envelope (docs/vdv.md A3): what kind of message this is.
    public enum MessageType: Int, Sendable, CaseIterable {
        /// A request; the receiver answers with a confirmation or an error.
        case request = 1
        /// The positive answer to a request, same messageId.
        case confirmation = 2
        /// The negative answer replacing a confirmation, payload `{"errorMessage": …}`.
        case error = 3
    }
}
