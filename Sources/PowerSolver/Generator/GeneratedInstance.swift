public import DepotModel

/// A generated benchmark instance: the planning problem plus what the generator knows about it.
public struct GeneratedInstance: Hashable, Codable, Sendable {
    public let spec: InstanceSpec
    public let problem: PlanningProblem
    /// The EV peak of an unconstrained stage 1 + 2 solve, the scale of the grid limit.
    public let freePeak: Kilowatts
    /// Tenant of each vehicle (same order as `problem.vehicles`) and the tenants' guaranteed
    /// budgets, for the `tenants` family; empty otherwise.
    public let tenantOfVehicle: [String]
    public let tenantBudgets: [String: Kilowatts]

    public init(spec: InstanceSpec, problem: PlanningProblem, freePeak: Kilowatts, tenantOfVehicle: [String], tenantBudgets: [String: Kilowatts]) {
        self.spec = spec
        self.problem = problem
        self.freePeak = freePeak
        self.tenantOfVehicle = tenantOfVehicle
        self.tenantBudgets = tenantBudgets
    }
}
