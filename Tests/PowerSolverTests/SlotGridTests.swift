import DepotModel
import Foundation
import PowerSolver
import Testing

@Suite("Slot grid")
struct SlotGridTests {
    @Test func alignsToSlotLengthAndMeasuresPartialCoverage() {
        let start = Date(timeIntervalSince1970: 1_000 * 900 + 120)  // 2 minutes into a slot
        let grid = SlotGrid(covering: start, to: start.addingTimeInterval(3_600), slotLength: .minutes(15))
        #expect(grid.start == Date(timeIntervalSince1970: 1_000 * 900))
        #expect(grid.count == 5)
        #expect(grid.slot(containing: start) == 0)
        #expect(abs(grid.coverage(of: 0, by: start..<start.addingTimeInterval(3_600)) - 13.0 / 15.0) < 1e-12)
        #expect(grid.coverage(of: 2, by: start..<start.addingTimeInterval(3_600)) == 1)
        #expect(grid.slot(containing: start.addingTimeInterval(-3_600)) == nil)
    }
}

@Suite("Predicted target times")
struct PredictedTargetTimeTests {
    @Test func aVehiclePlannedExactlyToItsTargetHasATimeToTarget() throws {
        // 100 kWh at 50 % needs 40 kWh to 90 %: whole-mWh flows may end a fraction of a Wh short.
        let start = Date(timeIntervalSince1970: 1_800_000_000)  // a multiple of 900 s
        let grid = SlotGrid(covering: start, to: start.addingTimeInterval(4 * 3600), slotLength: .minutes(15))
        let vehicle = PlanningVehicle(
            id: "bus", node: "site", arrival: start, departure: start.addingTimeInterval(4 * 3600), capacity: 100, stateOfCharge: 50,
            minTarget: 90, maxTarget: 90, maxPower: 13, efficiency: 0.93)
        let problem = PlanningProblem(
            grid: grid,
            nodes: [
                PlanningNode(
                    id: "site", parent: nil, limits: Array(repeating: 1000, count: grid.count), baseLoad: Array(repeating: .zero, count: grid.count))
            ],
            vehicles: [vehicle], tariff: PlanningTariff(prices: Array(repeating: 0.2, count: grid.count)))
        let plan = try Planner().plan(problem)
        let result = try #require(plan.vehicles.first)
        #expect(abs(result.departureStateOfCharge.value - 90) < 1e-3)
        let reached = try #require(result.minTargetTime)
        #expect(reached <= vehicle.departure)
        #expect(result.maxTargetTime == reached)
    }
}
