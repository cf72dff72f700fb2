import BusbarServer
import DepotConfig
import DepotModel
import Foundation
import OCPP
import PowerSolver
import Testing

@Suite("From a plan to charging profiles")
struct PlanProfileTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)  // a multiple of 900 s

    func plan() throws -> (VehiclePlan, SlotGrid) {
        let grid = SlotGrid(covering: start, to: start.addingTimeInterval(3 * 3600), slotLength: .minutes(15))
        let vehicle = PlanningVehicle(
            id: "bus", node: "site", arrival: start, departure: start.addingTimeInterval(3 * 3600), capacity: 300, stateOfCharge: 40,
            minTarget: 80, maxTarget: 80, maxPower: 150)
        let problem = PlanningProblem(
            grid: grid,
            nodes: [
                PlanningNode(
                    id: "site", parent: nil, limits: Array(repeating: 100, count: grid.count), baseLoad: Array(repeating: .zero, count: grid.count))
            ],
            vehicles: [vehicle], tariff: PlanningTariff(prices: Array(repeating: 0.2, count: grid.count)))
        return (try #require(try Planner().plan(problem).vehicles.first), grid)
    }

    @Test func limitStepsFollowThePlanFromNow() throws {
        let (vehiclePlan, grid) = try plan()
        let now = start.addingTimeInterval(600)  // ten minutes into the first slot
        let steps = PlanProfile.limitSteps(vehiclePlan, grid: grid, from: now)
        #expect(steps.first?.offsetSeconds == 0)
        #expect(steps.first?.watts == vehiclePlan.power[0].watts)
        #expect(steps.dropFirst().first?.offsetSeconds == 300)
        #expect(steps.count == grid.count)
        let energy = steps.map { $0.watts / 1000 * 0.25 }.reduce(0, +)
        #expect(abs(energy - vehiclePlan.power.map(\.value).reduce(0, +) * 0.25) < 1e-9)
    }

    @Test func sessionProfileCarriesThePlanAndFallsBackToTheFailSafeShare() throws {
        let (vehiclePlan, grid) = try plan()
        let charger = Charger(id: "C1", ocppVersion: .v201, connectors: [Connector(number: 1, kind: .dc, maxPower: 150, minPower: 10)])
        let capabilities = ChargerCapabilities(configured: charger, connector: charger.connectors[0])
        #expect(capabilities.maxStackLevel == 0 && capabilities.allowedUnits == [.watts])
        let builder = ProfileBuilder(capabilities: capabilities, failSafeWatts: 40_000)
        let call = PlanProfile.sessionProfile(for: vehiclePlan, grid: grid, builder: builder, connector: 1, transaction: .v201("tx-1"), now: start)
        guard case .v201(.setChargingProfile(let request)) = call else {
            Issue.record("expected a 2.0.1 SetChargingProfile, got \(call.action)")
            return
        }
        #expect(request.evseId == 1)
        #expect(request.chargingProfile.chargingProfilePurpose == .txProfile)
        #expect(request.chargingProfile.transactionId == "tx-1")
        let schedule = try #require(request.chargingProfile.chargingSchedule.first)
        // Until the probe says more, one period: the plan's current limit (W, rounded down to 0.1)
        // for the validity horizon; after it the station falls back to its fail-safe default.
        #expect(schedule.chargingSchedulePeriod.map(\.limit) == [(vehiclePlan.power[0].watts * 10).rounded(.down) / 10])
        #expect(schedule.duration == 900 + 60)
    }

    @Test func acConnectorsAreLimitedInAmperes() {
        let charger = Charger(
            id: "W1", ocppVersion: .v16, connectors: [Connector(number: 1, kind: .ac, maxPower: 22, minPower: 4.2, phases: 3)])
        let capabilities = ChargerCapabilities(configured: charger, connector: charger.connectors[0])
        #expect(capabilities.allowedUnits == [.amperes])
        #expect(capabilities.supply == .ac(phases: 3, lineToNeutralVolts: 230))
    }
}
