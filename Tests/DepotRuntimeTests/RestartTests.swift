import BusbarServer
import DepotConfig
import DepotModel
import DepotRuntime
import DepotSimulator
import Foundation
import Logging
import OCPP
import ServiceLifecycle
import Storage
import Testing

/// A restart of `busbar serve` in the middle of a session, over real sockets and one SQLite file.
@Suite("Restart")
struct RestartTests {
    static let depot = try! DepotFileLoader.load(path: DemoNight.root.appendingPathComponent("config/depots/demo.yaml").path)

    /// Serves the demo depot on `port` until `body` returns, then shuts down gracefully.
    static func serve<T: Sendable>(
        store: BusbarStore, clock: AcceleratedClock, port: Int, _ body: @Sendable (Int, DepotController) async throws -> T
    ) async throws -> T {
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: port)], depots: [depot], store: store, clock: clock,
            logger: Logger(label: "restart")
        ) { _, bound in announce.yield(bound) }
        let services = server.serviceGroup()
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            let bound = try requireValue(await iterator.next())
            let result = try await body(bound, try requireValue(server.controllers[depot.id]))
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return result
        }
    }

    @Test func aRestartedServerTakesUpTheRunningSessionAndLimitsItAgain() async throws {
        let start = LocalDate(year: 2026, month: 11, day: 24).instant(at: TimeOfDay("22:00")!, in: Self.depot.timeZone)
        let clock = AcceleratedClock(origin: start, factor: 120)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-restart-\(UUID().uuidString).sqlite").path
        let store = BusbarStore(try BusbarDatabase.open(path: path))
        let battery = SimulatedBattery(capacityKWh: 330, maxPowerKW: 150, stateOfCharge: 30)
        let plan = SimulationPlan(
            stations: [StationSetup(id: "DEMO-A02", version: .v16, connectorCount: 2, connectorMaxKW: 150)],
            visits: [
                VehicleVisit(
                    station: 0, connector: 2, vehicle: PluggedVehicle(idToken: "04A2B3C40004", battery: battery),
                    arrival: start.addingTimeInterval(60),
                    departure: start.addingTimeInterval(6 * 3600))
            ])
        let simulation = try await Self.serve(store: store, clock: clock, port: 0) { port, controller in
            let simulation = Simulation(
                plan: plan, baseURL: "ws://127.0.0.1:\(port)", passwords: .demo, clock: clock, callTimeout: 3600, seed: 3,
                logger: Logger(label: "station"))
            Task { await simulation.run(for: .seconds(6 * 3600), reportInterval: .seconds(6 * 3600)) { _ in } }
            // Waits, in clock time, until the session is limited (a loaded machine takes longer).
            var session: SessionSnapshot?
            for minute in stride(from: 5, through: 120, by: 5) where session?.limitKw == nil {
                try await clock.sleep(until: start.addingTimeInterval(Double(minute) * 60))
                session = await controller.snapshot().connectors.compactMap(\.session).first
            }
            #expect(session?.vehicle == "hb-04")
            #expect(session?.limitKw != nil, "the first server limited the session")
            return (simulation, port)
        }
        let restartedAt = clock.now()
        let (session, limits) = try await Self.serve(store: store, clock: clock, port: simulation.1) { _, controller in
            var session: SessionSnapshot?
            var limits: [(direction: BusbarStore.FrameDirection, frame: String, at: Date)] = []
            for minute in stride(from: 5, through: 120, by: 5) where session?.departure == nil || limits.isEmpty {
                try await clock.sleep(until: restartedAt.addingTimeInterval(Double(minute) * 60))
                session = await controller.snapshot().connectors.compactMap(\.session).first
                limits = try await store.messageLog(station: "DEMO-A02", limit: 1000).filter {
                    $0.direction == .sent && $0.at > restartedAt && $0.frame.contains("TxProfile")
                }
            }
            return (session, limits.count)
        }
        for client in simulation.0.clients { await client.stop() }
        #expect(session?.vehicle == "hb-04", "the restarted server took up the open transaction")
        #expect(session?.departure != nil, "and found its stay again")
        #expect(limits > 0, "and sent the session a TxProfile again")
    }
}
