import DepotModel
import PowerSolver
import Testing

/// The LP with SoC states (docs/solver.md §3.2) and the readiness stage (§2.3) on instances solved
/// by hand. Fixture: 100 kWh at η = 1, so p kW for one 15-minute slot adds p/4 % SoC; the taper
/// f(s) = 2·(100 − s) above 80 % is checked at the slot's mid SoC, so in a slot starting at s the
/// most a bus draws is p = 2·(100 − s − p/8), i.e. p = 1.6·(100 − s).
@Suite("Planner with taper and readiness, hand-solved")
struct TaperPlanningTests {
    @Test func aTaperingBusAloneTakesTheMostItsBatteryAccepts() throws {
        var fixture = PlanningFixture()
        fixture.vehicles = [PlanningFixture.tapering("bus-1", soc: 80, max: 100)]
        let bus = try #require(try fixture.plan().vehicle("bus-1"))
        // 32 → 88 %, 19.2 → 92.8 %, 11.52 → 95.68 %, 6.912 → 97.408 %.
        for (planned, expected) in zip(bus.power.map(\.value), [32, 19.2, 11.52, 6.912]) { #expect(abs(planned - expected) < 1e-4) }
        #expect(abs(bus.departureStateOfCharge.value - 97.408) < 1e-4)
        #expect(abs(bus.shortfall.total.value - 2.592) < 1e-4)
        #expect(abs(bus.shortfall.intrinsic.value - 2.592) < 1e-4)
        #expect(bus.binding.map(\.kind).contains(.dwellTooShort))
    }

    @Test func theTaperingBusGetsThePowerWhileItCanStillTakeIt() throws {
        // Site 40 kW. The tapering bus takes 32, 19.2, 11.52, 6.912 kW only if it charges first; the
        // other bus needs 40 kW·slots anywhere. Both fit: 32 + 8, 19.2 + 20.8, 11.52 + 11.2, 6.912.
        // A plan that leaves the tapering bus for later loses energy it can never make up.
        var fixture = PlanningFixture()
        fixture.siteLimit = [40, 40, 40, 40]
        fixture.vehicles = [PlanningFixture.tapering("taper", soc: 80, max: 100), PlanningFixture.vehicle("flat", soc: 50, max: 60)]
        let plan = try fixture.plan()
        #expect(abs(plan.objectives.totalUnmet.value - 2.592) < 1e-4)
        #expect(try #require(plan.vehicle("flat")).shortfall.total.value < 1e-4)
        #expect(abs(try #require(plan.vehicle("taper")).departureStateOfCharge.value - 97.408) < 1e-4)
        for slot in 0..<4 { #expect(plan.site[slot].charging.value <= 40 + 1e-6) }
    }

    @Test func theLeastPeakWithTaperIsFlat() throws {
        // 20 kWh in four slots: flat 20 kW (70 → 75 → 80 → 85 → 90 %); the mid SoC of the last two
        // slots (82.5 %, 87.5 %) allows 35 and 25 kW, so the taper does not bind and 20 kW is the least peak.
        var fixture = PlanningFixture()
        fixture.vehicles = [PlanningFixture.tapering("bus-1", soc: 70, max: 90, power: 90)]
        let plan = try fixture.plan()
        #expect(abs(plan.objectives.peak.value - 20) < 1e-5)
        let bus = try #require(plan.vehicle("bus-1"))
        #expect(bus.shortfall.total.value < 1e-6)
        #expect(abs(bus.departureStateOfCharge.value - 90) < 1e-5)
    }

    /// 10 kWh for one bus at up to 40 kW; slot 2 is the cheapest. Pure stages: cheapest at the
    /// least peak (10 kW flat). Readiness first: as early as the allowed peak lets it.
    @Test(arguments: [
        (nil as PlanningPreferences?, nil as Double?, [10.0, 10, 10, 10]),
        (PlanningPreferences(readinessFirst: true, peakTolerance: nil), nil, [40, 0, 0, 0]),
        (PlanningPreferences(readinessFirst: true, peakTolerance: 0), nil, [10, 10, 10, 10]),
        (PlanningPreferences(readinessFirst: true, peakTolerance: 1), nil, [20, 20, 0, 0]),
        (PlanningPreferences(readinessFirst: true, peakTolerance: 0), 30, [30, 10, 0, 0]),
        (PlanningPreferences(readinessFirst: false, peakTolerance: nil), nil, [0, 0, 40, 0]),
    ])
    func readinessFirstWithinTheAllowedPeak(preferences: PlanningPreferences?, billingPeak: Double?, expected: [Double]) throws {
        var fixture = PlanningFixture()
        fixture.prices = [0.3, 0.3, 0.1, 0.15]
        fixture.preferences = preferences
        fixture.billingPeak = billingPeak.map { Kilowatts($0) }
        fixture.vehicles = [PlanningFixture.vehicle("bus-1", soc: 50, max: 60)]
        let bus = try #require(try fixture.plan().vehicle("bus-1"))
        for (planned, wanted) in zip(bus.power.map(\.value), expected) { #expect(abs(planned - wanted) < 1e-4) }
    }
}
