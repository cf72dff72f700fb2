public import DepotModel

/// A generated benchmark instance: the planning problem plus what the generator knows about it.
public struct GeneratedInstance: Hashable, Codable, Sendable {
    public let spec: InstanceSpec
    public let problem: PlanningProblem
    /// The EV peak of an unconstrained stage 1 + 2 solve, the scale of the grid limit.
    public let freePeak: Kilowatts

    public init(spec: InstanceSpec, problem: PlanningProblem, freePeak: Kilowatts) {
        self.spec = spec
        self.problem = problem
        self.freePeak = freePeak
    }
}
