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

/// The runtime asks the `preconditioning` policy per stay, keeps its plan, exposes it and leaves
/// its power free for the allocator; driven by a manual clock, no services running.
@Suite("Pre-conditioning in the runtime")
struct PreconditioningTests {
    /// 2026-11-24 22:00 in Berlin.
    static let origin = Date(timeIntervalSince1970: 1_795_554_000)
    /// 2026-11-25 05:00 in Berlin.
    static let departure = origin.addingTimeInterval(7 * 3600)
    static let bus: VehicleID = "hb-01"
    static let address = ConnectorAddress(charger: "DEMO-A01", connector: 1)

    /// The demo depot without its daily timetable, so the tests' stays are the only ones.
    static let depot: Depot = {
        let demo = try! DepotFileLoader.load(path: DemoNight.root.appendingPathComponent("config/depots/demo.yaml").path)
        return Depot(
            id: demo.id, name: demo.name, timeZone: demo.timeZone, grid: demo.grid, circuits: demo.circuits, areas: demo.areas,
            chargers: demo.chargers, tenants: demo.tenants, vehicles: demo.vehicles, reservations: demo.reservations)
    }()

    static func stay(_ rule: PreconditioningRule?) -> TimetableEntry {
        TimetableEntry(
            id: "api-hb-01", vehicle: bus, tenant: "hochbahn", arrival: origin.addingTimeInterval(-1800), departure: departure,
            targetSoC: Percent(90), preconditioning: rule, bay: "A01-1", source: .api)
    }

    /// A controller on the manual clock with the built-in default policies, or the policy folder given.
    static func controller(clock: ManualClock, policies folder: String? = nil) async throws -> DepotController {
        let defaults = try PolicyRevision(folder: "policies/defaults", directory: DemoNight.root.appendingPathComponent("policies/defaults"))
        let engine = PolicyEngine(depot: depot.id, defaults: defaults)
        if let folder {
            let directory = DemoNight.root.appendingPathComponent("Tests/DepotRuntimeTests/Fixtures/\(folder)")
            try await engine.reload(try PolicyRevision(folder: folder, directory: directory), at: clock.now())
        }
        return DepotController(
            depot: depot, engine: engine, store: BusbarStore(try BusbarDatabase.inMemory()),
            control: OCPPChargerControl(depot: depot, registry: StationRegistry(), clock: clock, profileHorizon: .seconds(3600)), clock: clock,
            logger: Logger(label: "precon"))
    }

    @Test func theDefaultPolicyKeepsTheRequestedWindowAndItsDecisionIsRecorded() async throws {
        let clock = ManualClock(Self.origin)
        let controller = try await Self.controller(clock: clock)
        let start = Self.departure.addingTimeInterval(-40 * 60)
        let finish = Self.departure.addingTimeInterval(-5 * 60)
        try await controller.replaceTimetable(
            [Self.stay(.automatic(mode: .warmWaterAndVentilation, requestedStart: start, requestedFinish: finish, ambientTemperature: -5))],
            source: .api)
        await controller.tick()

        let planned = try #require(await controller.snapshot().preconditioning.first)
        #expect(planned.stay == "api-hb-01" && planned.vehicle == Self.bus)
        #expect(planned.start == start && planned.finish == finish)
        #expect(planned.mode == .warmWaterAndVentilation && !planned.battery && !planned.active)
        #expect(planned.reason == "requested by the timetable")
        let record = try #require(await controller.pendingRecords.first { $0.domain == .preconditioning })
        #expect(record.decidedBy == .defaultPolicy && record.error == nil)
        #expect(record.input.contains("-5"))

        clock.advance(by: start.timeIntervalSince(Self.origin))
        #expect(await controller.preconditioning(for: Self.bus)?.active == true)
        clock.advance(by: finish.timeIntervalSince(start))
        #expect(await controller.preconditioning(for: Self.bus)?.active == false)
    }

    @Test func needsReportedOverVDV261AreAskedAtOnceAndMoveTheStart() async throws {
        let clock = ManualClock(Self.origin)
        let controller = try await Self.controller(clock: clock)
        try await controller.replaceTimetable([Self.stay(nil)], source: .api)
        await controller.tick()
        #expect(await controller.preconditioning(for: Self.bus) == nil)
        #expect(await controller.pendingRecords.allSatisfy { $0.domain != .preconditioning })

        await controller.vehicleReported(VehicleReport(vehicle: Self.bus, batteryTime: .seconds(25 * 60), cabinTime: .seconds(35 * 60)))
        let planned = try #require(await controller.preconditioning(for: Self.bus))
        #expect(planned.start == Self.departure.addingTimeInterval(-45 * 60) && planned.finish == Self.departure)
        #expect(planned.battery && planned.mode == .hotWaterAndHeating)
        #expect(planned.reason == "departure - 45 min")
        #expect(await controller.planNeeded)
    }

    @Test func aCustomPolicyStartsAtItsFixedTimeAndTheAllocatorLeavesItsPowerFree() async throws {
        let clock = ManualClock(Self.origin)
        let controller = try await Self.controller(clock: clock, policies: "fixed-preconditioning")
        try await controller.replaceTimetable(
            [Self.stay(.automatic(mode: .hotWaterAndHeating, requestedStart: nil, requestedFinish: nil))], source: .api)
        await controller.handle(.presence("DEMO-A01", online: true))
        await controller.handle(.transactionStarted(Self.address, transaction: "tx-1", idToken: "04A2B3C40001", meterStart: 0, at: Self.origin))
        await controller.tick()

        let fourThirty = Self.departure.addingTimeInterval(-30 * 60)
        let planned = try #require(
            await controller.snapshot().connectors.first { $0.charger == "DEMO-A01" && $0.connector == 1 }?.session?.preconditioning)
        #expect(planned.start == fourThirty && planned.finish == Self.departure)
        #expect(planned.mode == .noWaterCoolingOrVentilation && planned.hvacKw == 20 && !planned.active)
        let record = try #require(await controller.pendingRecords.first { $0.domain == .preconditioning })
        #expect(record.decidedBy == .policy && record.reasons == ["fixed 04:30 start"])

        // The planner reserved the 20 kW from 04:30 on: the slot holding 04:45 carries it as fixed
        // load on top of the demo's 20 kW base load of hall B.
        let plan = try #require(await controller.plan)
        let slot = try #require(plan.grid.slot(containing: fourThirty.addingTimeInterval(15 * 60)))
        #expect(plan.site[0].fixedLoad == 20 && plan.site[slot].fixedLoad == 40)

        func room(_ node: String) async -> Double? {
            await controller.allocationInput(now: clock.now()).nodes.first { $0.id == node }?.capacity.value
        }
        let before = (site: await room("site"), cabinet: await room("cabinet-a1"))
        clock.advance(by: fourThirty.timeIntervalSince(Self.origin) + 60)
        #expect(await controller.preconditioning(for: Self.bus)?.active == true)
        let inside = (site: await room("site"), cabinet: await room("cabinet-a1"))
        #expect(try #require(before.cabinet) - #require(inside.cabinet) == 20)
        #expect(try #require(before.site) - #require(inside.site) == 20)
    }

    @Test func aManualRequestReservesItsTwoPowersFromItsEarlierStart() async throws {
        let clock = ManualClock(Self.origin)
        let controller = try await Self.controller(clock: clock)
        let rule = PreconditioningRule.manual(
            hvacStart: Self.departure.addingTimeInterval(-30 * 60), systemStart: Self.departure.addingTimeInterval(-20 * 60), hvacPower: 15,
            systemPower: 5)
        try await controller.replaceTimetable([Self.stay(rule)], source: .api)
        await controller.tick()
        let planned = try #require(await controller.preconditioning(for: Self.bus))
        #expect(planned.start == Self.departure.addingTimeInterval(-30 * 60) && planned.finish == Self.departure)
        #expect(planned.hvacKw == 15 && planned.batteryKw == 5)
        #expect(
            await controller.preconditioningLoad(for: "api-hb-01")
                == PreconditioningLoad(
                    power: 20, start: planned.start, finish: planned.finish))
    }
}
