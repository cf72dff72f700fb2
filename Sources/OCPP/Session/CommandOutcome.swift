import Foundation

/// How a station answered one of Busbar's CALLs.
public enum CommandOutcome: Hashable, Sendable {
    /// A CALLRESULT that matches the schema of the action sent.
    case result(OutgoingCallResult)
    /// A CALLERROR; `code` is nil for codes outside both versions (seen: `"Error"`).
    case error(code: OCPPErrorCode?, rawCode: String, description: String)
    /// A CALLRESULT whose payload does not match the schema: the command's effect is unknown.
    case invalidResult(OCPPError)
    /// The CALL could not be encoded (a non-finite number) and was never sent.
    case notSent(OCPPError)
}
