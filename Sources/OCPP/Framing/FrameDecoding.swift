import Foundation

/// What the reader does with one text message: handle a frame, answer with a CALLERROR, or drop
/// it silently (a malformed CALLRESULT/CALLERROR is never answered: no error ping-pong).
public enum FrameDecoding: Hashable, Sendable {
    /// A well-formed frame.
    case frame(OCPPFrame)
    /// Answer with a CALLERROR for this messageId (`"-1"` when unreadable).
    case reject(messageId: String, error: OCPPError)
    /// Log and ignore.
    case drop(reason: String)
}
