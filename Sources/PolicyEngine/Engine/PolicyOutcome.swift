public import DepotModel

/// The result of one evaluation: the decision to apply, the record to store, an alert to send if
/// any, and for `--explain` what the policy traced, logged and which lines ran.
public struct PolicyOutcome<Value: Sendable>: Sendable {
    public let value: Value
    public let record: PolicyDecisionRecord
    public let alert: PolicyAlert?
    /// `trace(name, value)` calls, values as JSON text.
    public let trace: [PolicyTraceEntry]
    public let log: [String]
    /// Executed lines (`file:line` → hits), only when evaluated with `explain`.
    public let executedLines: [String: Int]
}
