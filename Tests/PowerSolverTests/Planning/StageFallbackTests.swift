import DepotModel
import Foundation
import PowerSolver
import Testing

/// A later stage Clp cannot solve costs the plan its earliness or thrift, never the plan.
@Suite struct StageFallbackTests {
    /// A re-plan of the demo night (30 buses, readiness first, taper) on which Clp reports the cost
    /// stage primal infeasible by a few hundredths after the kept rows; before the fallback the
    /// runtime ran that round without a plan and without predictions.
    static func demoNight() throws -> PlanningProblem {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/demo-night-cost-stage-unsolved.json")
        return try JSONDecoder().decode(PlanningProblem.self, from: Data(contentsOf: fixture))
    }

    @Test func anUnsolvedCostStageKeepsTheReadinessPlan() throws {
        let problem = try Self.demoNight()
        #expect(problem.preferences?.readinessFirst == true)
        let plan = try Planner().plan(problem)
        #expect(plan.vehicles.count == problem.vehicles.count)
        // The same least unmet energy as the pure stages, which do not keep a readiness row.
        let pure = try Planner().plan(problem.with(preferences: nil))
        #expect(abs(plan.objectives.totalUnmet.value - pure.objectives.totalUnmet.value) < 0.01)
        #expect(plan.vehicles.map(\.deliveredEnergy.value).reduce(0, +) > 0)
    }
}
