import Foundation

/// An outbound CALL waiting for the station's single slot, with the messageId the caller chose
/// (a lowercase UUID; randomness stays outside the state machine).
public struct CommandRequest: Hashable, Sendable {
    /// The messageId of the CALL.
    public let messageId: String
    /// The CALL.
    public let call: OutgoingCall

    /// Pairs a CALL with its messageId.
    public init(messageId: String, call: OutgoingCall) {
        self.messageId = messageId
        self.call = call
    }
}
