/// What one sandboxed call produced: the returned value or the failure, the resources it used,
/// and what it logged and traced.
struct LuaCallResult<Output> {
    enum Outcome {
        /// The policy function returned this value (as the caller read it).
        case returned(Output)
        /// The module has no such function: the default decides, without a failure.
        case missing
        /// The call failed; the message reads `file:line: message` plus a traceback.
        case failed(PolicyError.Kind, String)
    }

    let outcome: Outcome
    let usage: LuaUsage
    let log: [String]
    let trace: [(String, LuaValue)]
    /// Executed lines (`file:line` → hits), only in explain mode.
    let lines: [String: Int]
}
