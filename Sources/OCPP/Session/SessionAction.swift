import Foundation

/// What the connection handler must do after feeding an event to ``OCPPSession``.
public enum SessionAction: Hashable, Sendable {
    /// Write this frame to the socket.
    case send(OCPPFrame)
    /// Run the handler for this CALL, then report its reply with ``OCPPSession/respond(to:with:)``
    /// or ``OCPPSession/fail(_:error:)``; `usedQuirks` are the relaxations to log.
    case handle(messageId: String, call: IncomingCall, usedQuirks: DecodingQuirks)
    /// A station CALL was refused with a CALLERROR (counted as an invalid message, docs/ocpp.md §4).
    case refused(messageId: String, error: OCPPError)
    /// The station answered one of Busbar's CALLs.
    case deliver(messageId: String, action: String, outcome: CommandOutcome)
    /// No answer within the timeout: the slot is free and the command's outcome is unknown.
    case outcomeUnknown(messageId: String, action: String)
    /// A reply that matches no CALL in flight (late after a timeout, or never sent): logged, dropped.
    case ignoredReply(messageId: String, late: Bool)
    /// A frame that is dropped without an answer (malformed CALLRESULT/CALLERROR).
    case dropped(reason: String)
    /// The registration state changed; persist it.
    case bootStateChanged(BootState)
    /// A queued SetChargingProfile was replaced by a newer one for the same connector and purpose.
    case superseded(messageId: String)
}
