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

/// Issue 13 part 3 in the runtime: the plan's power for the slot orders the work and caps
/// nothing, a vehicle that draws less than its limit frees the rest in the next tick, and a new
/// session's power goes out beside decreases in flight when it fits. Manual clock, no services.
@Suite("Allocation in the runtime")
struct AllocationRuntimeTests {
    static let first = ConnectorAddress(charger: "DEMO-A01", connector: 1)
    static let second = ConnectorAddress(charger: "DEMO-A01", connector: 2)

    /// The pre-conditioning tests' demo depot, with cabinet A1 (DEMO-A01 … A04) limited to `cabinet`.
    static func controller(
        clock: ManualClock, cabinet: Kilowatts? = nil, settings: RuntimeSettings = RuntimeSettings()
    ) async throws -> DepotController {
        let demo = PreconditioningTests.depot
        let circuits = demo.circuits.map { circuit in
            guard let cabinet, circuit.id == "cabinet-a1" else { return circuit }
            return Circuit(id: circuit.id, name: circuit.name, parent: circuit.parent, limit: cabinet, baseLoad: circuit.baseLoad)
        }
        let depot = Depot(
            id: demo.id, name: demo.name, timeZone: demo.timeZone, grid: demo.grid, circuits: circuits, areas: demo.areas,
            chargers: demo.chargers, tenants: demo.tenants, vehicles: demo.vehicles, reservations: demo.reservations)
        let defaults = try PolicyRevision(folder: "policies/defaults", directory: DemoNight.root.appendingPathComponent("policies/defaults"))
        return DepotController(
            depot: depot, engine: PolicyEngine(depot: depot.id, defaults: defaults), store: BusbarStore(try BusbarDatabase.inMemory()),
            control: OCPPChargerControl(depot: depot, registry: StationRegistry(), clock: clock, profileHorizon: .seconds(3600)), clock: clock,
            settings: settings, logger: Logger(label: "allocation"))
    }

    /// Plugs a bus in and reports its connector charging.
    static func start(_ address: ConnectorAddress, token: String, transaction: String, on controller: DepotController, at now: Date) async {
        await controller.handle(.transactionStarted(address, transaction: transaction, idToken: token, meterStart: 0, at: now))
        await controller.handle(.connectorStatus(address, .charging, errorCode: nil))
    }

    static func sample(_ address: ConnectorAddress, transaction: String, kilowatts: Double, at now: Date, on controller: DepotController) async {
        await controller.handle(
            .meterSamples(
                address, transaction: transaction,
                [MeterSample(connector: address.connector, sampledAt: now, measurand: "Power.Active.Import", value: kilowatts, unit: "kW")]))
    }

    static func session(_ address: ConnectorAddress, of controller: DepotController, at now: Date) async throws -> AllocationSession {
        try #require(await controller.allocationInput(now: now).sessions.first { $0.id == address })
    }

    /// A controller whose first bus (tx-1 on DEMO-A01#1) was just sent, and accepted, 150 kW.
    static func chargingAtFullPower(clock: ManualClock) async throws -> DepotController {
        let controller = try await Self.controller(clock: clock)
        await controller.handle(.presence("DEMO-A01", online: true))
        await start(first, token: "04A2B3C40001", transaction: "tx-1", on: controller, at: clock.now())
        await controller.tick()
        await controller.completed(.limit(first, transaction: "tx-1", power: 150), result: .accepted)
        return controller
    }

    @Test func aPlannedBusBelowTargetTakesItsFullPowerNotThePlansShare() async throws {
        let clock = ManualClock(PreconditioningTests.origin)
        // The pure stages spread the energy over the night for the least peak.
        var settings = RuntimeSettings()
        settings.planningPreferences = nil
        let controller = try await Self.controller(clock: clock, settings: settings)
        try await controller.replaceTimetable([PreconditioningTests.stay(nil)], source: .api)
        await controller.handle(.presence("DEMO-A01", online: true))
        await Self.start(Self.first, token: "04A2B3C40001", transaction: "tx-1", on: controller, at: clock.now())
        await controller.tick()

        // Seven hours for 198 kWh: the plan spreads it far below 150 kW, yet nothing else draws,
        // so the bus may take everything its charger and battery allow, and is sent it.
        let planned = try await Self.session(Self.first, of: controller, at: clock.now())
        #expect(planned.need == .fleetBelowTarget)
        #expect(try #require(planned.target).value < 150)
        #expect(planned.maximum == 150)
        #expect(await controller.connectors[Self.first]?.limitPending == 150)
    }

    @Test func aBusThatDrawsLessFreesTheRestOnceItHadTimeToFollow() async throws {
        let clock = ManualClock(PreconditioningTests.origin)
        let controller = try await Self.chargingAtFullPower(clock: clock)

        // Ten seconds after the raise it still ramps: it keeps its limit.
        clock.advance(by: 10)
        await Self.sample(Self.first, transaction: "tx-1", kilowatts: 40, at: clock.now(), on: controller)
        #expect(try await Self.session(Self.first, of: controller, at: clock.now()).maximum == 150)
        // Settled at 40 kW: it counts at 40 + 1 + 2 % (41.8 kW), and the decrease goes out.
        clock.advance(by: 25)
        await Self.sample(Self.first, transaction: "tx-1", kilowatts: 40, at: clock.now(), on: controller)
        let settled = try await Self.session(Self.first, of: controller, at: clock.now())
        #expect(abs(settled.maximum.value - 41.8) < 1e-9)
        await controller.tick()
        #expect(await controller.connectors[Self.first]?.limitPending.map { abs($0.value - 41.8) < 0.1 } == true)
        await controller.completed(.limit(Self.first, transaction: "tx-1", power: 41.8), result: .accepted)
        // Held there it stays held (no new profile every tick) …
        clock.advance(by: 5)
        await Self.sample(Self.first, transaction: "tx-1", kilowatts: 40, at: clock.now(), on: controller)
        #expect(abs(try await Self.session(Self.first, of: controller, at: clock.now()).maximum.value - 41.8) < 1e-9)
        // … until it draws up to its limit: then it may take more again.
        clock.advance(by: 5)
        await Self.sample(Self.first, transaction: "tx-1", kilowatts: 41.5, at: clock.now(), on: controller)
        #expect(try await Self.session(Self.first, of: controller, at: clock.now()).maximum == 150)
    }

    @Test func aBusJustBelowItsLimitKeepsItSoTaperDoesNotSendAProfileEveryTick() async throws {
        let clock = ManualClock(PreconditioningTests.origin)
        let controller = try await Self.chargingAtFullPower(clock: clock)
        clock.advance(by: 60)
        // 145 kW + 1 + 2.9 is within 3 % of 150: the limit stays.
        await Self.sample(Self.first, transaction: "tx-1", kilowatts: 145, at: clock.now(), on: controller)
        #expect(try await Self.session(Self.first, of: controller, at: clock.now()).maximum == 150)
        await Self.sample(Self.first, transaction: "tx-1", kilowatts: 120, at: clock.now().addingTimeInterval(1), on: controller)
        #expect(abs(try await Self.session(Self.first, of: controller, at: clock.now()).maximum.value - 123.4) < 1e-9)
    }

    @Test func aNewSessionGetsItsPowerBesideADecreaseInFlightWhenItFits() async throws {
        let clock = ManualClock(PreconditioningTests.origin)
        let controller = try await Self.chargingAtFullPower(clock: clock)

        // An operator caps the first bus while a second plugs in: the decrease and the new
        // session's power go out in the same tick, since both fit with the first at 150 kW.
        let id = try #require(await controller.connectors[Self.first]?.session?.id)
        try await controller.setPowerLimit(session: id, cap: 100, tenant: nil)
        await Self.start(Self.second, token: "04A2B3C40002", transaction: "tx-2", on: controller, at: clock.now())
        clock.advance(by: 5)
        await controller.tick()
        #expect(await controller.connectors[Self.first]?.limitPending == 100)
        #expect(await controller.connectors[Self.second]?.limitPending == 150)
    }

    @Test func anIncreaseThatWouldPassALimitWhileADecreaseIsInFlightWaitsForIt() async throws {
        let clock = ManualClock(PreconditioningTests.origin)
        let controller = try await Self.controller(clock: clock, cabinet: 200)
        await controller.handle(.presence("DEMO-A01", online: true))
        await Self.start(Self.first, token: "04A2B3C40001", transaction: "tx-1", on: controller, at: clock.now())
        await controller.tick()
        let firstLimit = try #require(await controller.connectors[Self.first]?.limitPending)
        #expect(firstLimit == 150)
        await controller.completed(.limit(Self.first, transaction: "tx-1", power: firstLimit), result: .accepted)

        await Self.start(Self.second, token: "04A2B3C40002", transaction: "tx-2", on: controller, at: clock.now())
        clock.advance(by: 5)
        await controller.tick()
        // The first bus must give way; until it confirmed, the second stays on its fail-safe share.
        let decrease = try #require(await controller.connectors[Self.first]?.limitPending)
        #expect(decrease < 150)
        #expect(await controller.connectors[Self.second]?.limitPending == nil)
        let share = await controller.failSafeShare(perConnectorOf: "DEMO-A01")
        #expect(150 + share.value <= 200)

        await controller.completed(.limit(Self.first, transaction: "tx-1", power: decrease), result: .accepted)
        clock.advance(by: 5)
        await controller.tick()
        let increase = try #require(await controller.connectors[Self.second]?.limitPending)
        #expect(increase > share)
        #expect((decrease + increase).value <= 200 + 1e-9)
    }
}
