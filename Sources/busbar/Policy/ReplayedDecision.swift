import DepotModel
import Foundation
import PolicyEngine

/// A recorded decision next to what the current policies decide for the same input, as
/// `busbar policy replay` lists it when the two differ.
struct ReplayedDecision {
    let recorded: PolicyDecisionRecord
    let replayed: PolicyEvaluation
    /// What the call was about (`3 sessions`, `event no_show`).
    let input: String
    /// For a changed priority decision: the planner's departure SoCs and peak under both outputs.
    let prediction: ReplayPrediction?

    /// Three lines: when and what, then the recorded and the new output; then the prediction.
    var text: String {
        """
        \(recorded.now.formatted(.iso8601)) \(recorded.domain.rawValue) \(recorded.id.uuidString) (\(input))
          recorded (\(recorded.decidedBy.rawValue)): \(recorded.output)
          replayed (\(replayed.record.decidedBy.rawValue)): \(replayed.output)\(replayed.record.error.map { "\n  error: \($0)" } ?? "")\(prediction.map { "\n" + $0.text } ?? "")
        """
    }

    /// The same as a JSON object, outputs as JSON values.
    var json: [String: Any] {
        [
            "id": recorded.id.uuidString, "domain": recorded.domain.rawValue, "now": recorded.now.timeIntervalSince1970, "input": input,
            "recorded": JSONText.value(recorded.output), "recorded_by": recorded.decidedBy.rawValue,
            "replayed": JSONText.value(replayed.output), "replayed_by": replayed.record.decidedBy.rawValue,
            "replayed_error": replayed.record.error ?? NSNull(), "prediction": prediction?.json ?? NSNull(),
        ]
    }
}
