import BusbarServer
import DepotConfig
import DepotModel
import Foundation
import Logging
import PolicyEngine
import PowerSolver
import Storage
import TestSupport
import Testing

@testable import DepotRuntime

/// Re-plans that keep room for arrivals, forecasts from what a bus takes, and `will_miss_departure`
/// from every tick's forecast (issue 13, parts 2 and 4). The runtime is driven through station
/// events and charger answers on a manual clock, with the default policies and real SQLite.
@Suite("Predictions and planned arrivals")
struct PredictionTests {
    /// 2026-11-24 22:00 in Berlin.
    static let origin = PreconditioningTests.origin
    static let departure = origin.addingTimeInterval(6 * 3600)
    static let bay = ConnectorAddress(charger: "DEMO-A01", connector: 1)

    static func stay(_ vehicle: VehicleID, arrival: Date, bay: BayID? = "A01-1", arrivalSoC: Double = 30) -> TimetableEntry {
        TimetableEntry(
            id: TimetableEntryID("api-\(vehicle.rawValue)"), vehicle: vehicle, tenant: "hochbahn", arrival: arrival, departure: departure,
            arrivalSoC: Percent(arrivalSoC), targetSoC: Percent(90), minTargetSoC: Percent(80), bay: bay, source: .api)
    }

    static func controller(_ clock: ManualClock) async throws -> DepotController {
        let defaults = try PolicyRevision(folder: "policies/defaults", directory: DemoNight.root.appendingPathComponent("policies/defaults"))
        let depot = PreconditioningTests.depot
        return DepotController(
            depot: depot, engine: PolicyEngine(depot: depot.id, defaults: defaults), store: BusbarStore(try BusbarDatabase.inMemory()),
            control: OCPPChargerControl(depot: depot, registry: StationRegistry(), clock: clock, profileHorizon: .seconds(900)), clock: clock,
            logger: Logger(label: "predictions"))
    }

    static func sample(_ controller: DepotController, at now: Date, soc: Double, kWh: Double, kW: Double) async {
        await controller.handle(
            .meterSamples(
                bay, transaction: "t1",
                [
                    MeterSample(connector: 1, sampledAt: now, measurand: "SoC", value: soc, unit: "Percent"),
                    MeterSample(connector: 1, sampledAt: now, measurand: "Energy.Active.Import.Register", value: kWh, unit: "kWh"),
                    MeterSample(connector: 1, sampledAt: now, measurand: "Power.Active.Import", value: kW, unit: "kW"),
                ]))
    }

    /// hb-01 on its stay, plugged in at DEMO-A01#1 at 30 % and planned once.
    static func pluggedIn(_ clock: ManualClock) async throws -> DepotController {
        let controller = try await Self.controller(clock)
        try await controller.replaceTimetable([stay("hb-01", arrival: origin)], source: .api)
        await controller.handle(.presence("DEMO-A01", online: true))
        await controller.handle(.connectorStatus(bay, .charging, errorCode: nil))
        await controller.handle(.transactionStarted(bay, transaction: "t1", idToken: "04A2B3C40001", meterStart: .zero, at: clock.now()))
        await sample(controller, at: clock.now(), soc: 30, kWh: 0, kW: 0)
        await controller.tick()
        return controller
    }

    @Test func aLateBusStaysInThePlanAsArrivingSoon() async throws {
        let clock = ManualClock(Self.origin)
        let controller = try await Self.controller(clock)
        try await controller.replaceTimetable([Self.stay("hb-01", arrival: Self.origin.addingTimeInterval(-300))], source: .api)
        await controller.tick()
        let late = try #require(await controller.predictions()["hb-01"], "a bus five minutes late is planned")
        let planned = try #require(await controller.plannedVehicles["hb-01"])
        #expect(planned.arrival == Self.origin.addingTimeInterval(600), "expected lateArrivalGrace from now")
        #expect(late.departureStateOfCharge.value >= 80)
        #expect(late.deliveredEnergy.value > 100, "energy is kept for it")
    }

    @Test func aBusNotYetArrivedReservesCapacityAtItsBay() async throws {
        let clock = ManualClock(Self.origin)
        let controller = try await Self.controller(clock)
        let arrival = Self.origin.addingTimeInterval(3600)
        try await controller.replaceTimetable([Self.stay("hb-02", arrival: arrival, bay: "A01-2")], source: .api)
        await controller.tick()
        let planned = try #require(await controller.plannedVehicles["hb-02"])
        #expect(planned.arrival == arrival)
        #expect(planned.node == PlanningProblem.node(of: try #require(PreconditioningTests.depot.charger("DEMO-A01"))))
        let prediction = try #require(await controller.predictions()["hb-02"])
        let plan = try #require(await controller.plan)
        let before = try #require(plan.grid.slot(containing: arrival))
        #expect(prediction.power.prefix(before).allSatisfy { $0 == .zero }, "nothing before it arrives")
        #expect(prediction.power.dropFirst(before).contains { $0.value > 0 }, "power kept for it after its arrival")
    }

    /// A bus that takes 20 kW of its 150 kW limit is forecast from 20 kW: below its minimum, so
    /// `will_miss_departure` goes out at once, and it is resolved when the bus leaves.
    @Test func aBusTakingLessThanItsLimitIsPredictedFromWhatItTakesAndAnnounced() async throws {
        let clock = ManualClock(Self.origin)
        let controller = try await Self.pluggedIn(clock)
        let optimistic = try #require(await controller.predictions()["hb-01"])
        #expect(optimistic.departureStateOfCharge.value >= 89, "at its limit it would reach its target")
        await controller.completed(.limit(Self.bay, transaction: "t1", power: Kilowatts(150)), result: .accepted)

        var soc = 30.0
        var energy = 0.0
        for _ in 0..<8 {
            clock.advance(by: 30)
            energy += 20 * 30 / 3600
            soc += 20 * 0.93 * 30 / 3600 / 330 * 100
            await Self.sample(controller, at: clock.now(), soc: soc, kWh: energy, kW: 20)
            await controller.tick()
        }
        let measured = try #require(await controller.predictions()["hb-01"])
        // 6 h at 20 kW × 0.93 into 330 kWh: about 34 points more.
        #expect(abs(measured.departureStateOfCharge.value - (soc + 20 * 0.93 * 5.93 / 330 * 100)) < 1.5, "\(measured.departureStateOfCharge)")
        let warnings = await controller.snapshot().incidents.filter { $0.kind == .willMissDeparture && $0.vehicle == "hb-01" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.clearedAt == nil)
        #expect(warnings.first?.message.contains("takes only 20 kW") == true, "\(warnings.first?.message ?? "")")

        await controller.handle(.transactionStopped("DEMO-A01", transaction: "t1", reason: "EVDisconnected", at: clock.now()))
        clock.advance(by: 5)
        await controller.tick()
        let resolved = await controller.snapshot().incidents.filter { $0.kind == .willMissDeparture && $0.vehicle == "hb-01" }
        #expect(resolved.count == 1 && resolved.first?.clearedAt != nil, "resolved when the bus leaves")
    }

    /// The forecast falls below the minimum and comes back: raised once, resolved on recovery.
    @Test func aWarningIsResolvedWhenTheForecastRecovers() async throws {
        let clock = ManualClock(Self.origin)
        let controller = try await Self.pluggedIn(clock)
        await controller.completed(.limit(Self.bay, transaction: "t1", power: Kilowatts(150)), result: .accepted)
        var soc = 30.0
        var energy = 0.0
        func charge(_ steps: Int, kW: Double) async {
            for _ in 0..<steps {
                clock.advance(by: 30)
                energy += kW * 30 / 3600
                soc += kW * 0.93 * 30 / 3600 / 330 * 100
                await Self.sample(controller, at: clock.now(), soc: soc, kWh: energy, kW: kW)
                await controller.tick()
            }
        }
        await charge(8, kW: 20)
        #expect(await controller.snapshot().incidents.filter { $0.kind == .willMissDeparture }.count == 1)
        // The bus takes its full limit again (an EV-side limit lifted): after the next round the
        // forecast is back above the minimum.
        await controller.completed(.limit(Self.bay, transaction: "t1", power: Kilowatts(150)), result: .accepted)
        await charge(20, kW: 150)
        let warnings = await controller.snapshot().incidents.filter { $0.kind == .willMissDeparture }
        #expect(warnings.count == 1)
        #expect(warnings.first?.clearedAt != nil, "resolved once the forecast recovered")
    }
}

extension PredictionTests {
    @Test func aBusWhoseStayANewTimetableReplacedKeepsItsForecast() async throws {
        let clock = ManualClock(Self.origin)
        let controller = try await Self.pluggedIn(clock)
        #expect(await controller.predictions()["hb-01"] != nil)

        // The same stay under a new id (an upstream list that renumbers its requests).
        let original = Self.stay("hb-01", arrival: Self.origin)
        let renumbered = TimetableEntry(
            id: "api-hb-01-revised", vehicle: original.vehicle, tenant: original.tenant, arrival: original.arrival,
            departure: original.departure, arrivalSoC: original.arrivalSoC, targetSoC: original.targetSoC,
            minTargetSoC: original.minTargetSoC, bay: original.bay, source: .api)
        try await controller.replaceTimetable([renumbered], source: .api)
        clock.advance(by: 5)
        await controller.tick()
        let forecast = try #require(await controller.predictions()["hb-01"], "the plugged bus is planned on its new stay")
        #expect(forecast.departureStateOfCharge.value >= 80)
        #expect(await controller.plannedStays["hb-01"] == "api-hb-01-revised")
    }
}
