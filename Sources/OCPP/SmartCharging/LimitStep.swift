import Foundation

/// One step of a connector's limit series from the power solver: from `offsetSeconds` after now
/// the connector may draw at most `watts`, until the next step.
public struct LimitStep: Hashable, Sendable {
    /// Seconds after now; the first step starts at 0.
    public let offsetSeconds: Int
    /// The limit in W.
    public let watts: Double

    /// Describes one step.
    public init(offsetSeconds: Int, watts: Double) {
        self.offsetSeconds = offsetSeconds
        self.watts = watts
    }
}
