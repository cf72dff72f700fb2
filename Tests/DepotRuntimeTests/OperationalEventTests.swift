import BusbarServer
import DepotConfig
import DepotModel
import DepotRuntime
import Foundation
import Logging
import Notifications
import PolicyEngine
import Storage
import TestSupport
import Testing

/// The events the runtime notices by watching (issue 8, part 1), raised as notification incidents
/// through the default escalation policy and resolved when their condition clears. The runtime is
/// driven through its own input, station events, on a manual clock; no charger is connected, so
/// its commands fail as they would against an offline station.
@Suite("Operational events")
struct OperationalEventTests {
    /// A depot runtime on the demo depot with the default policies, a real SQLite file and a notifier.
    struct Harness {
        let depot: Depot
        let clock: ManualClock
        let store: BusbarStore
        let controller: DepotController

        init() async throws {
            depot = try DepotFileLoader.load(path: DemoNight.root.appendingPathComponent("config/depots/demo.yaml").path)
            clock = ManualClock(LocalDate(year: 2026, month: 11, day: 24).instant(at: TimeOfDay("22:00")!, in: depot.timeZone))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-events-\(UUID().uuidString).sqlite").path
            store = BusbarStore(try BusbarDatabase.open(path: path))
            let engine = PolicyEngine(depot: depot.id, defaults: nil)
            try await engine.reload(
                try PolicyRevision(folder: "defaults", directory: DemoNight.root.appendingPathComponent("policies/defaults")), at: clock.now())
            let logger = Logger(label: "events")
            let notifier = Notifier(
                depot: depot, store: store, transports: .live(settings: NotificationSettings(), secrets: { _ in "" }), clock: clock, logger: logger)
            controller = DepotController(
                depot: depot, engine: engine, store: store,
                control: OCPPChargerControl(depot: depot, registry: StationRegistry(), clock: clock, profileHorizon: .seconds(900)),
                clock: clock, notifier: notifier, logger: logger)
        }

        /// Moves the clock in 5 s ticks, as the control loop would.
        func pass(_ seconds: Int) async {
            for _ in 0..<(seconds / 5) {
                clock.advance(by: 5)
                await controller.tick()
            }
        }

        func samples(_ address: ConnectorAddress, transaction: String, soc: Double, kWh: Double) async {
            let now = clock.now()
            await controller.handle(
                .meterSamples(
                    address, transaction: transaction,
                    [
                        MeterSample(connector: address.connector, sampledAt: now, measurand: "SoC", value: soc, unit: "Percent"),
                        MeterSample(
                            connector: address.connector, sampledAt: now, measurand: "Energy.Active.Import.Register", value: kWh, unit: "kWh"),
                    ]))
        }

        /// The incidents of a kind once the escalation task has caught up with `settled`.
        func incidents(_ kind: String, until settled: @escaping ([IncidentRecord]) -> Bool) async throws -> [IncidentRecord] {
            let deadline = ContinuousClock.now + .seconds(20)
            var found: [IncidentRecord] = []
            repeat {
                found = try await store.incidents(depot: depot.id).filter { $0.kind == kind }
                if settled(found) { break }
                try await Task.sleep(for: .milliseconds(20))
            } while ContinuousClock.now < deadline
            return found
        }

        /// What the runtime noticed of a kind (at once, unlike the stored incidents).
        func noticed(_ kind: DepotIncident.Kind) async -> [DepotIncident] {
            await controller.snapshot().incidents.filter { $0.kind == kind }
        }

        /// Runs `body` beside the runtime's loop (escalations are written by its own task).
        func running(_ body: () async throws -> Void) async throws {
            let loop = Task { await controller.run() }
            defer { loop.cancel() }
            try await body()
        }
    }

    static let bay = ConnectorAddress(charger: "DEMO-A01", connector: 1)

    @Test func aSessionWhoseSoCStandsStillIsReportedAndResolvedWhenItRises() async throws {
        let depot = try await Harness()
        try await depot.running {
            await depot.controller.handle(.presence("DEMO-A01", online: true))
            await depot.controller.handle(.connectorStatus(Self.bay, .charging, errorCode: nil))
            await depot.controller.handle(
                .transactionStarted(Self.bay, transaction: "t1", idToken: "04A2B3C40001", meterStart: .zero, at: depot.clock.now()))
            await depot.samples(Self.bay, transaction: "t1", soc: 40, kWh: 2)
            await depot.pass(15 * 60)
            let early = await depot.noticed(.socNotProgressing)
            #expect(early.isEmpty, "15 min is not yet a stall")
            await depot.pass(10 * 60)
            let open = try await depot.incidents("soc_not_progressing") { !$0.isEmpty }
            #expect(open.count == 1)
            #expect(open.first?.incidentKey.contains("hb-01") == true)
            await depot.samples(Self.bay, transaction: "t1", soc: 43, kWh: 12)
            await depot.pass(5)
            let resolved = try await depot.incidents("soc_not_progressing") { $0.first?.status == .resolved }
            #expect(resolved.first?.status == .resolved)
        }
    }

    @Test func aBusStoppedEarlyIsReportedUnlessBusbarStoppedItAndResolvedWhenItChargesAgain() async throws {
        let depot = try await Harness()
        try await depot.running {
            await depot.controller.handle(.presence("DEMO-A01", online: true))
            await depot.controller.handle(
                .transactionStarted(Self.bay, transaction: "t1", idToken: "04A2B3C40001", meterStart: .zero, at: depot.clock.now()))
            await depot.samples(Self.bay, transaction: "t1", soc: 45, kWh: 30)
            await depot.pass(60)
            await depot.controller.handle(.transactionStopped("DEMO-A01", transaction: "t1", reason: "EmergencyStop", at: depot.clock.now()))
            await depot.pass(5)
            let open = try await depot.incidents("session_stopped_unexpectedly") { !$0.isEmpty }
            #expect(open.count == 1)
            #expect(open.first?.status == .open)

            await depot.controller.handle(
                .transactionStarted(Self.bay, transaction: "t2", idToken: "04A2B3C40001", meterStart: .zero, at: depot.clock.now()))
            await depot.pass(5)
            let mended = try await depot.incidents("session_stopped_unexpectedly") { $0.first?.status == .resolved }
            #expect(mended.first?.status == .resolved)

            // An operator's stop is expected: the charger is offline here, but the request counts.
            let session = ChargingSessionID("DEMO-A01:t2")
            _ = try await depot.controller.remoteStop(session: session, tenant: nil)
            await depot.controller.handle(.transactionStopped("DEMO-A01", transaction: "t2", reason: "Remote", at: depot.clock.now()))
            await depot.pass(5)
            let afterOperatorStop = await depot.noticed(.sessionStoppedUnexpectedly)
            #expect(afterOperatorStop.count == 1, "no second incident")
        }
    }

    @Test func aConnectorUnavailableForTwoMinutesIsReportedAndResolvedWhenItReturns() async throws {
        let depot = try await Harness()
        let other = ConnectorAddress(charger: "DEMO-A01", connector: 2)
        try await depot.running {
            await depot.controller.handle(.presence("DEMO-A01", online: true))
            await depot.controller.handle(.connectorStatus(other, .available, errorCode: nil))
            await depot.controller.handle(.connectorStatus(other, .unavailable, errorCode: nil))
            await depot.pass(60)
            let passing = await depot.noticed(.availabilityChanged)
            #expect(passing.isEmpty, "a passing Unavailable is not news")
            await depot.pass(90)
            let lasting = try await depot.incidents("availability_changed") { !$0.isEmpty }
            #expect(lasting.count == 1)
            await depot.controller.handle(.connectorStatus(other, .available, errorCode: nil))
            await depot.pass(5)
            let returned = try await depot.incidents("availability_changed") { $0.first?.status == .resolved }
            #expect(returned.first?.status == .resolved)

            await depot.controller.handle(.connectorStatus(other, .faulted, errorCode: "GroundFailure"))
            let faulted = try await depot.incidents("fault") { !$0.isEmpty }
            #expect(faulted.first?.status == .open)
            await depot.controller.handle(.connectorStatus(other, .available, errorCode: nil))
            let cleared = try await depot.incidents("fault") { $0.first?.status == .resolved }
            #expect(cleared.first?.status == .resolved, "a cleared fault is resolved")
            let shown = await depot.noticed(.fault)
            #expect(shown.count == 1 && shown.allSatisfy { $0.clearedAt != nil }, "the live picture shows it cleared")
        }
    }

    @Test func operatorCapsAndGridLimitChangesAreReported() async throws {
        let depot = try await Harness()
        try await depot.running {
            await depot.controller.handle(
                .transactionStarted(Self.bay, transaction: "t1", idToken: "04A2B3C40001", meterStart: .zero, at: depot.clock.now()))
            try await depot.controller.setPowerLimit(session: ChargingSessionID("DEMO-A01:t1"), cap: Kilowatts(40), tenant: nil)
            let capped = try await depot.incidents("power_limit_changed") { !$0.isEmpty }
            #expect(capped.count == 1)
            await depot.controller.handle(.transactionStopped("DEMO-A01", transaction: "t1", reason: "EVDisconnected", at: depot.clock.now()))
            let lifted = try await depot.incidents("power_limit_changed") { $0.first?.status == .resolved }
            #expect(lifted.first?.status == .resolved)

            let old = depot.depot
            let lowered = Depot(
                id: old.id, name: old.name, timeZone: old.timeZone,
                grid: GridConnection(
                    connectionLimit: Kilowatts(old.grid.connectionLimit.value - 200), safetyMargin: old.grid.safetyMargin, meter: old.grid.meter,
                    blocks: old.grid.blocks),
                circuits: old.circuits, areas: old.areas, chargers: old.chargers, tenants: old.tenants, vehicles: old.vehicles,
                timetable: old.timetable, reservations: old.reservations, policies: old.policies, notifications: old.notifications)
            await depot.controller.apply(depot: lowered)
            let changed = try await depot.incidents("power_limit_changed") { $0.count == 2 }
            #expect(changed.count == 2)
            #expect(changed.contains { $0.status == .open && $0.incidentKey.hasPrefix("power_limit_changed|depot|") })
        }
    }
}
