import DepotModel
import Foundation
import PowerSolver
import Testing

/// The `preconditioning` policy's auxiliary power is a fixed load Q the planner reserves under the
/// limits (docs/solver.md §2.2 constraints 4–6): the bus's own charging gives way inside the window.
@Suite("Planner, pre-conditioning reservation")
struct PreconditioningReservationTests {
    /// A bus that could take the whole 100 kW site limit in every slot of the hour.
    static func hungryBus(node: String = "site", preconditioning: PreconditioningLoad?) -> PlanningVehicle {
        PlanningVehicle(
            id: "bus-1", node: node, arrival: PlanningFixture.at(minutes: 0), departure: PlanningFixture.at(minutes: 60), capacity: 200,
            stateOfCharge: Percent(0), minTarget: Percent(100), maxTarget: Percent(100), maxPower: Kilowatts(150), efficiency: 1,
            preconditioning: preconditioning)
    }

    @Test(
        arguments: [
            (15.0, 45.0, [100.0, 70, 70, 100]),
            (30.0, nil, [100.0, 100, 70, 70]),
            (22.5, 37.5, [100.0, 85, 85, 100]),
        ] as [(Double, Double?, [Double])])
    func chargingGivesWayToTheReservedPowerInsideTheWindow(start: Double, finish: Double?, expected: [Double]) throws {
        var fixture = PlanningFixture()
        fixture.vehicles = [
            Self.hungryBus(
                preconditioning: PreconditioningLoad(
                    power: Kilowatts(30), start: PlanningFixture.at(minutes: start), finish: finish.map { PlanningFixture.at(minutes: $0) }))
        ]
        let plan = try fixture.plan()
        #expect(try #require(plan.vehicle("bus-1")).kilowatts == expected)
        #expect(plan.capacityDeficits.isEmpty)
    }

    @Test func theReservationCountsOnTheBusCircuitAndNotOnItsNeighbours() throws {
        var fixture = PlanningFixture()
        fixture.siteLimit = [200, 200, 200, 200]
        fixture.circuits = [PlanningFixture.circuit("cab-1", limit: 80), PlanningFixture.circuit("cab-2", limit: 80)]
        let load = PreconditioningLoad(power: Kilowatts(20), start: PlanningFixture.at(minutes: 0), finish: PlanningFixture.at(minutes: 30))
        fixture.vehicles = [
            Self.hungryBus(node: "cab-1", preconditioning: load),
            PlanningVehicle(
                id: "bus-2", node: "cab-2", arrival: PlanningFixture.at(minutes: 0), departure: PlanningFixture.at(minutes: 60), capacity: 200,
                stateOfCharge: Percent(0), minTarget: Percent(100), maxTarget: Percent(100), maxPower: Kilowatts(150), efficiency: 1),
        ]
        let plan = try fixture.plan()
        #expect(try #require(plan.vehicle("bus-1")).kilowatts == [60, 60, 80, 80])
        #expect(try #require(plan.vehicle("bus-2")).kilowatts == [80, 80, 80, 80])
    }
}
