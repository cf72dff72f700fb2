import DepotModel
import Foundation
import PowerSolver
import Testing

@Suite("Planner, seeded random instances")
struct PlannerPropertyTests {
    /// Without rate limits on one site, the least peak is the densest interval's energy over its
    /// length (the classic closed form): enumerate all slot intervals.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func peakMatchesDensestInterval(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var fixture = PlanningFixture()
        fixture.slots = 8
        fixture.siteLimit = Array(repeating: 10_000, count: 8)
        fixture.siteBase = Array(repeating: 0, count: 8)
        fixture.prices = Array(repeating: 0.2, count: 8)
        var windows: [(Int, Int, Double)] = []
        for index in 0..<(2 + random.index(below: 5)) {
            let first = random.index(below: 8)
            let last = first + random.index(below: 8 - first)
            let need = Double(1 + random.index(below: 40))
            windows.append((first, last + 1, need))
            fixture.vehicles.append(
                PlanningFixture.vehicle(
                    "bus-\(index)", from: Double(first) * 15, to: Double(last + 1) * 15, soc: 0, max: need, power: 5_000))
        }
        var densest = 0.0
        for start in 0..<8 {
            for end in (start + 1)...8 {
                let energy = windows.filter { $0.0 >= start && $0.1 <= end }.map(\.2).reduce(0, +)
                densest = max(densest, energy / (Double(end - start) * 0.25))
            }
        }
        let plan = try fixture.plan()
        #expect(plan.objectives.totalUnmet.value < 1e-6)
        #expect(abs(plan.objectives.peak.value - densest) <= 1e-6 * densest + 1e-3)
    }

    /// On random trees every constraint of docs/solver.md §2.2 holds and energy is never overfilled.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func plansRespectEveryConstraint(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var fixture = PlanningFixture()
        fixture.slots = 8
        fixture.siteLimit = (0..<8).map { _ in random.uniform(50, 150) }
        fixture.siteBase = (0..<8).map { _ in random.uniform(0, 20) }
        fixture.prices = (0..<8).map { _ in [0.12, 0.25][random.index(below: 2)] }
        fixture.circuits = [
            PlanningFixture.circuit("a", limit: random.uniform(20, 80), base: random.uniform(0, 5), slots: 8),
            PlanningFixture.circuit("b", limit: random.uniform(20, 80), slots: 8),
            PlanningFixture.circuit("b1", parent: "b", limit: random.uniform(10, 50), slots: 8),
        ]
        let nodes = ["site", "a", "b", "b1"]
        for index in 0..<(3 + random.index(below: 6)) {
            let first = random.index(below: 8)
            let last = first + random.index(below: 8 - first)
            fixture.vehicles.append(
                PlanningFixture.vehicle(
                    "bus-\(index)", node: nodes[random.index(below: 4)], from: Double(first) * 15 + random.uniform(0, 10),
                    to: Double(last + 1) * 15, soc: random.uniform(10, 40), min: 50, max: random.uniform(50, 90),
                    power: random.uniform(20, 60), tier: random.index(below: 2)))
        }
        let problem = fixture.problem
        let plan = try Planner().plan(problem)
        let tolerance = 1e-6
        for (vehicle, planned) in zip(problem.vehicles, plan.vehicles) {
            let delivered = planned.power.reduce(0) { $0 + $1.value * 0.25 }
            #expect(delivered <= vehicle.wantedEnergy.value + tolerance)
            #expect(abs(vehicle.wantedEnergy.value - delivered - planned.shortfall.total.value) < 1e-3)
            for slot in 0..<8 {
                let alpha = problem.grid.coverage(of: slot, by: vehicle.arrival..<vehicle.departure)
                #expect(planned.power[slot].value <= alpha * vehicle.maxPower.value + tolerance)
            }
        }
        func load(under node: String, slot: Int) -> Double {
            let members = Set(nodes.filter { $0 == node || (node == "site") || (node == "b" && $0 == "b1") })
            let charging = zip(problem.vehicles, plan.vehicles).filter { members.contains($0.0.node) }.map { $0.1.power[slot].value }
            let base = problem.nodes.filter { members.contains($0.id) }.map { $0.baseLoad[slot].value }
            return charging.reduce(0, +) + base.reduce(0, +)
        }
        for slot in 0..<8 {
            for node in problem.nodes {
                #expect(load(under: node.id, slot: slot) <= node.limits[slot].value + tolerance)
            }
            #expect(abs(plan.site[slot].total.value - load(under: "site", slot: slot)) < tolerance)
        }
        #expect(abs((plan.site.map(\.total.value).max() ?? 0) - plan.objectives.peak.value) < tolerance)
        let again = try Planner().plan(problem)
        #expect(again == plan)
    }
}
