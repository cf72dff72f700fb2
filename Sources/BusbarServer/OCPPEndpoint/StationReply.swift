public import OCPP

/// What became of a command sent to a station through `StationRegistry.send`.
public enum StationReply: Sendable, Hashable {
    /// The station answered (CALLRESULT or CALLERROR), or the command could not be sent.
    case outcome(CommandOutcome)
    /// No answer within the timeout: the outcome is unknown (docs/ocpp.md §5).
    case timedOut
    /// The station is not connected, or the connection ended before the answer.
    case notConnected
}
