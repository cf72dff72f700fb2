import DepotModel
import Foundation
import PowerSolver
import Testing

@Suite("Planning problem from a depot")
struct PlanningProblemDepotTests {
    @Test func blocksBecomeSlotLimitsAndPricesAndCircuitsNodes() throws {
        let day = DailyWindow(from: try #require(TimeOfDay("06:00")), to: try #require(TimeOfDay("22:00")))
        let night = DailyWindow(from: try #require(TimeOfDay("22:00")), to: try #require(TimeOfDay("06:00")))
        let depot = Depot(
            id: "nord", name: "Nord", timeZone: .gmt,
            grid: GridConnection(
                connectionLimit: 450,
                blocks: [
                    TimeBlock(name: "day", window: day, limit: 300, pricePerKilowattHour: 0.25),
                    TimeBlock(name: "night", window: night, limit: 500, pricePerKilowattHour: 0.12),
                ]),
            circuits: [Circuit(id: "hall-b", parent: nil, limit: 200, baseLoad: 5)],
            tenants: [Tenant(id: "city", name: "City", tenantClass: .fleet, priority: 1, powerBudget: 100)])
        let start = Date(timeIntervalSince1970: 1_800_000_000 + 13.5 * 3_600 + 600)  // 21:40 UTC
        let grid = SlotGrid(covering: start, to: start.addingTimeInterval(3_000), slotLength: .minutes(15))
        let problem = PlanningProblem(depot: depot, grid: grid, vehicles: [])
        #expect(problem.nodes.map(\.id) == ["site", "hall-b"])
        #expect(problem.nodes[0].limits == [300, 300, 450, 450])
        #expect(problem.tariff.prices == [0.25, 0.25, 0.12, 0.12])
        #expect(problem.nodes[1].parent == "site")
        #expect(problem.nodes[1].baseLoad == [5, 5, 5, 5])
        #expect(problem.tenantBudgets == ["city": 100])
    }
}
