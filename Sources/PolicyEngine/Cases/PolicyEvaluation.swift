public import DepotModel

/// One evaluation of a domain against a state fixture, as `busbar policy eval [--explain] [--json]`
/// prints it: the result as JSON, the decision record, and what the policy traced, logged and ran.
public struct PolicyEvaluation: Sendable {
    /// The decided result as JSON (`null` for no pre-conditioning plan).
    public let output: String
    public let record: PolicyDecisionRecord
    public let trace: [PolicyTraceEntry]
    public let log: [String]
    /// `file:line` → hits, filled only with `explain`.
    public let executedLines: [String: Int]

    init<Value>(_ outcome: PolicyOutcome<Value>) {
        let record = outcome.record
        output = record.output
        self.record = record
        trace = outcome.trace
        log = outcome.log
        executedLines = outcome.executedLines
    }
}
