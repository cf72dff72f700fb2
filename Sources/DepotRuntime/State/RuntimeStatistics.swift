/// Where the depot's own work goes, measured with the continuous clock; bench/README.md reports
/// the shares for a simulated night.
public struct RuntimeStatistics: Hashable, Sendable {
    /// Time in policy evaluations (all domains).
    public var policy: Duration = .zero
    /// Time in the night planner.
    public var planning: Duration = .zero
    /// Time in the real-time allocator, including building its input.
    public var allocation: Duration = .zero
    /// Time waiting for the runtime's own writes (decision records, session attribution).
    public var storage: Duration = .zero
    /// Planning rounds run.
    public var plans = 0
    /// Allocation ticks run.
    public var ticks = 0
    /// Limit commands sent.
    public var limitsSent = 0

    /// Nothing measured yet.
    public init() {}
}
