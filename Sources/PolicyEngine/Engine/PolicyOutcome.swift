public import DepotModel

/// The result of one evaluation: the decision to apply, an alert to send if any, what the policy
/// traced and logged, and (on demand) the decision record to store.
public struct PolicyOutcome<Value: Sendable & Encodable>: Sendable {
    public let value: Value
    public let alert: PolicyAlert?
    /// `trace(name, value)` calls, values as JSON text.
    public let trace: [PolicyTraceEntry]
    public let log: [String]
    /// Executed lines (`file:line` → hits), only when evaluated with `explain`.
    public let executedLines: [String: Int]
    let draft: PolicyDecisionDraft

    /// How long the evaluation took inside the engine, without the hop onto its actor (also in
    /// the record); for metrics and the benchmark.
    public var durationMicroseconds: Int { draft.durationMicroseconds }

    /// The decision record. Its input and output JSON are encoded when this is read, so that
    /// cost (which exceeds the evaluation itself for hundreds of sessions) is paid by whoever
    /// stores the record, off the engine actor; the id and every other field are fixed already.
    public var record: PolicyDecisionRecord { draft.record(output: value) }
}
