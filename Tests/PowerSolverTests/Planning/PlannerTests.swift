import DepotModel
import Foundation
import PowerSolver
import Testing

@Suite("Planner, hand-solved instances")
struct PlannerTests {
    @Test func cheapestSlotsUnderAPeakSetByBaseLoad() throws {
        var fixture = PlanningFixture()
        fixture.siteBase = [30, 0, 0, 0]
        fixture.prices = [0.1, 0.3, 0.1, 0.2]
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", min: 55, max: 60)]
        let plan = try fixture.plan()
        let bus = try #require(plan.vehicle("bus-1"))
        #expect(bus.kilowatts == [0, 0, 30, 10])
        #expect(abs(plan.objectives.peak.value - 30) < 1e-6)
        #expect(abs(plan.objectives.cost - (7.5 * 0.1 + 2.5 * 0.2)) < 1e-9)
        #expect(plan.objectives.totalUnmet.value < 1e-6)
        #expect(abs(bus.departureStateOfCharge.value - 60) < 1e-6)
        let minTime = try #require(bus.minTargetTime)
        #expect(abs(minTime.timeIntervalSince(PlanningFixture.at(minutes: 40))) < 1e-3)
        let maxTime = try #require(bus.maxTargetTime)
        #expect(abs(maxTime.timeIntervalSince(PlanningFixture.at(minutes: 60))) < 1e-3)
        #expect(bus.progress.map(\.time) == [0, 30, 45, 60].map { PlanningFixture.at(minutes: $0) })
        #expect(bus.binding.isEmpty)
    }

    @Test func equalPricesGoEarly() throws {
        var fixture = PlanningFixture()
        fixture.siteBase = [0, 0, 0, 40]
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", max: 55)]
        let plan = try fixture.plan()
        #expect(try #require(plan.vehicle("bus-1")).kilowatts == [20, 0, 0, 0])
    }

    @Test func peakIsFlattenedAcrossWindows() throws {
        var fixture = PlanningFixture()
        fixture.vehicles = [
            PlanningFixture.vehicle("early", max: 60),
            PlanningFixture.vehicle("late", from: 30, max: 60),
        ]
        let plan = try fixture.plan()
        #expect(abs(plan.objectives.peak.value - 20) < 1e-6)
        #expect(try #require(plan.vehicle("early")).kilowatts == [20, 20, 0, 0])
        #expect(try #require(plan.vehicle("late")).kilowatts == [0, 0, 20, 20])
    }

    @Test func higherTierIsServedStrictlyFirst() throws {
        var fixture = PlanningFixture()
        fixture.siteLimit = [40, 40, 40, 40]
        fixture.vehicles = [
            PlanningFixture.vehicle("public", soc: 20, max: 50, tier: 1),
            PlanningFixture.vehicle("fleet", soc: 20, max: 50, tier: 2),
        ]
        let plan = try fixture.plan()
        #expect(plan.objectives.unmet.map(\.tier) == [2, 1, 2, 1])
        #expect(plan.objectives.unmet.map { ($0.energy.value * 1000).rounded() / 1000 } == [0, 20, 0, 0])
        let fleet = try #require(plan.vehicle("fleet"))
        let short = try #require(plan.vehicle("public"))
        #expect(fleet.shortfall.total.value < 1e-6)
        #expect(abs(short.shortfall.total.value - 20) < 1e-6)
        #expect(short.shortfall.intrinsic.value == 0)
        #expect(abs(short.shortfall.gridLimited.value - 20) < 1e-6)
        #expect(abs(short.deliveredEnergy.value - 10) < 1e-6)
        #expect(short.binding.map { $0.summary(in: .gmt) } == ["site limit 08:00–09:00"])
        #expect(short.maxTargetTime == nil)
    }

    @Test func mustEnergyOfEveryClassBeforeWantedEnergy() throws {
        var fixture = PlanningFixture()
        fixture.siteLimit = [40, 40, 40, 40]
        fixture.vehicles = [
            PlanningFixture.vehicle("public", soc: 20, min: 40, max: 50, tier: 1),
            PlanningFixture.vehicle("fleet", soc: 20, min: 30, max: 50, tier: 2),
        ]
        let plan = try fixture.plan()
        let unmet = plan.objectives.unmet.map { "\($0.kind.rawValue) \($0.tier): \(($0.energy.value * 1000).rounded() / 1000)" }
        #expect(unmet == ["must 2: 0.0", "must 1: 0.0", "want 2: 10.0", "want 1: 10.0"])
        #expect(abs(try #require(plan.vehicle("fleet")).departureStateOfCharge.value - 40) < 1e-6)
    }

    @Test func partialSlotsAndIntrinsicShortfall() throws {
        var fixture = PlanningFixture()
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", from: 5, to: 30, soc: 20, max: 50, power: 60)]
        let plan = try fixture.plan()
        let bus = try #require(plan.vehicle("bus-1"))
        #expect(bus.kilowatts == [40, 60, 0, 0])
        #expect(abs(bus.shortfall.total.value - 5) < 1e-6)
        #expect(abs(bus.shortfall.intrinsic.value - 5) < 1e-6)
        #expect(bus.shortfall.gridLimited.value < 1e-6)
        #expect(bus.binding.map { $0.summary(in: .gmt) } == ["dwell too short", "charger max 60 kW"])
        #expect(bus.progress.first?.time == PlanningFixture.at(minutes: 5))
        #expect(bus.progress.last?.time == PlanningFixture.at(minutes: 30))
    }

    @Test func vehicleLeavingBeforeTheHorizonGetsNothingAndSaysWhy() throws {
        var fixture = PlanningFixture()
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", from: -60, to: -30)]
        let bus = try #require(try fixture.plan().vehicle("bus-1"))
        #expect(bus.kilowatts == [0, 0, 0, 0])
        #expect(abs(bus.shortfall.intrinsic.value - 10) < 1e-6)
        #expect(bus.binding.map { $0.summary(in: .gmt) } == ["dwell too short"])
        #expect(bus.progress.isEmpty)
    }

    @Test func circuitLimitIsNamedWithItsSpan() throws {
        var fixture = PlanningFixture()
        fixture.circuits = [PlanningFixture.circuit("hall-b", limit: 20)]
        fixture.vehicles = [
            PlanningFixture.vehicle("bus-1", node: "hall-b", soc: 20, max: 35),
            PlanningFixture.vehicle("bus-2", node: "hall-b", soc: 20, max: 35),
            PlanningFixture.vehicle("bus-3", soc: 20, max: 35),
        ]
        let plan = try fixture.plan()
        #expect(abs(plan.objectives.totalUnmet.value - 10) < 1e-6)
        #expect(try #require(plan.vehicle("bus-3")).shortfall.total.value < 1e-6)
        let short = plan.vehicles.filter { $0.shortfall.total.value > 1e-3 }
        #expect(!short.isEmpty)
        for vehicle in short {
            #expect(vehicle.binding.map { $0.summary(in: .gmt) } == ["circuit hall-b 08:00–09:00"])
        }
        for slot in 0..<4 {
            let hall = ["bus-1", "bus-2"].compactMap { plan.vehicle($0)?.power[slot].value }.reduce(0, +)
            #expect(hall <= 20 + 1e-9)
        }
    }

    @Test func baseLoadOverALimitIsReportedNotHidden() throws {
        var fixture = PlanningFixture()
        fixture.circuits = [
            PlanningNode(
                id: "hall-b", parent: "site", limits: [20, 20, 20, 20].map { Kilowatts($0) },
                baseLoad: [30, 0, 0, 0].map { Kilowatts($0) })
        ]
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", node: "hall-b", max: 60)]
        let plan = try fixture.plan()
        #expect(plan.capacityDeficits == [CapacityDeficit(node: "hall-b", slot: 0, excess: 10)])
        #expect(try #require(plan.vehicle("bus-1")).kilowatts == [0, 20, 20, 0])
    }

    @Test func reservedCapacityMovesLoadBeforeRaisingPrice() throws {
        var fixture = PlanningFixture()
        fixture.siteBase = [0, 0, 0, 40]
        fixture.prices = [0.1, 0.1, 0.3, 0.3]
        fixture.reserved = [10, 10, 40, 40].map { Kilowatts($0) }
        fixture.penalty = [1, 1, 0, 0]
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", max: 65)]
        let plan = try fixture.plan()
        // Peak 40 (the base load); 10 kW in each cheap slot cost 0.25 €/kWh less than going above
        // the reservation at 1 €/kW (4 €/kWh in a 15-minute slot), so the rest goes to slot 2.
        #expect(try #require(plan.vehicle("bus-1")).kilowatts == [10, 10, 40, 0])
    }

    @Test func tenantBelowItsGuaranteeMovesUpUntilItGetsIt() throws {
        var fixture = PlanningFixture()
        fixture.siteLimit = [40, 40, 40, 40]
        let city = PlanningFixture.vehicle("city-1", soc: 20, max: 30, tier: 1)
        fixture.vehicles = [
            PlanningFixture.vehicle("fleet-1", soc: 20, max: 60, tier: 2),
            PlanningVehicle(
                id: city.id, node: city.node, arrival: city.arrival, departure: city.departure, capacity: city.capacity,
                stateOfCharge: city.stateOfCharge, minTarget: city.minTarget, maxTarget: city.maxTarget, maxPower: city.maxPower,
                efficiency: 1, tier: 1, tenant: "city"),
        ]
        let unguarded = try fixture.plan()
        #expect(abs(try #require(unguarded.vehicle("city-1")).shortfall.total.value - 10) < 1e-6)
        let problem = fixture.problem
        let guarded = PlanningProblem(
            grid: problem.grid, nodes: problem.nodes, vehicles: problem.vehicles, tariff: problem.tariff, tenantBudgets: ["city": 10])
        let plan = try Planner().plan(guarded)
        #expect(try #require(plan.vehicle("city-1")).shortfall.total.value < 1e-6)
        #expect(abs(try #require(plan.vehicle("fleet-1")).shortfall.total.value - 10) < 1e-6)
    }

    @Test func progressListIsThinnedToTwentyFourPoints() throws {
        var fixture = PlanningFixture()
        fixture.slots = 40
        fixture.siteLimit = Array(repeating: 40, count: 40)
        fixture.siteBase = (0..<40).map { $0 % 2 == 0 ? 0 : 30 }
        fixture.prices = Array(repeating: 0.2, count: 40)
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", to: 600, soc: 0, max: 100, power: 100)]
        let bus = try #require(try fixture.plan().vehicle("bus-1"))
        // Peak 30 (the base load): 30 kW in every even slot, none in the odd ones, 27 breakpoints.
        #expect(bus.kilowatts.prefix(4) == [30, 0, 30, 0])
        #expect(bus.progress.count == 24)
        #expect(bus.progress.first?.time == PlanningFixture.start)
        #expect(bus.progress.last?.time == PlanningFixture.at(minutes: 600))
        #expect(zip(bus.progress, bus.progress.dropFirst()).allSatisfy { $0.time < $1.time && $0.stateOfCharge <= $1.stateOfCharge })
    }

    @Test func billingPeakSoFarIsFreeToUse() throws {
        var fixture = PlanningFixture()
        fixture.prices = [0.3, 0.3, 0.1, 0.1]
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", max: 60)]
        #expect(try #require(fixture.plan().vehicle("bus-1")).kilowatts == [10, 10, 10, 10])
        let problem = fixture.problem
        let monthly = PlanningProblem(
            grid: problem.grid, nodes: problem.nodes, vehicles: problem.vehicles,
            tariff: PlanningTariff(prices: fixture.prices, billingPeak: 20))
        #expect(try #require(Planner().plan(monthly).vehicle("bus-1")).kilowatts == [0, 0, 20, 20])
    }

    @Test func malformedProblemsThrow() {
        var fixture = PlanningFixture()
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", node: "nowhere")]
        #expect(throws: PlanningError.unknownNode(vehicle: "bus-1", node: "nowhere")) { try fixture.plan() }
        fixture.vehicles = []
        fixture.prices = [0.1]
        #expect(throws: PlanningError.wrongSlotCount(what: "prices", expected: 4, found: 1)) { try fixture.plan() }
    }
}
