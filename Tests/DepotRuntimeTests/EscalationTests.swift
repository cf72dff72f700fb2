import BusbarServer
import DepotConfig
import DepotModel
import DepotRuntime
import DepotSimulator
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Notifications
import OCPP
import PolicyEngine
import ServiceLifecycle
import Storage
import Testing

/// An operational event end to end: a charger drops off, the runtime asks the escalation policy,
/// the notifier posts a signed webhook to a real HTTP receiver, and the incident is resolved when
/// the charger is back.
@Suite("Escalation through the runtime")
struct EscalationTests {
    @Test func aChargerGoingOfflineIsPostedToTheWebhookAndResolvedWhenItReturns() async throws {
        let secret = "webhook-test-secret"
        setenv("BUSBAR_TEST_WEBHOOK_SECRET", secret, 1)
        let (posts, post) = AsyncStream.makeStream(of: (HTTPFields, Data).self)
        let router = Router()
        router.post("hooks/ops") { request, _ -> HTTPResponse.Status in
            post.yield((request.headers, Data(try await request.body.collect(upTo: 1 << 16).readableBytesView)))
            return .ok
        }
        let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Logger(label: "hooks"))
        try await receiver.test(.live) { client in
            let demo = try DepotFileLoader.load(path: DemoNight.root.appendingPathComponent("config/depots/demo.yaml").path)
            let depot = Depot(
                id: demo.id, name: demo.name, timeZone: demo.timeZone, grid: demo.grid, circuits: demo.circuits, areas: demo.areas,
                chargers: demo.chargers, tenants: demo.tenants, vehicles: demo.vehicles, timetable: demo.timetable, reservations: demo.reservations,
                notifications: NotificationSettings(webhooks: [
                    WebhookSettings(
                        url: "http://127.0.0.1:\(client.port ?? 0)/hooks/ops", secret: .environment("BUSBAR_TEST_WEBHOOK_SECRET"),
                        events: ["charger_offline"])
                ]))
            let policies = DemoNight.fixtures.deletingLastPathComponent().appendingPathComponent("webhook-policies")
            let engine = PolicyEngine(depot: depot.id, defaults: nil)
            try await engine.reload(try PolicyRevision(folder: "webhook-policies", directory: policies), at: Date())
            let start = LocalDate(year: 2026, month: 11, day: 24).instant(at: TimeOfDay("12:00")!, in: depot.timeZone)
            let clock = AcceleratedClock(origin: start, factor: 240)
            let store = BusbarStore(try BusbarDatabase.inMemory())
            let (ports, announce) = AsyncStream.makeStream(of: Int.self)
            let server = try BusbarApplication.build(
                listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [depot], store: store, policies: [depot.id: engine],
                clock: clock, logger: Logger(label: "escalation")
            ) { _, port in announce.yield(port) }
            let services = server.serviceGroup()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await services.run() }
                var iterator = ports.makeAsyncIterator()
                let port = try requireValue(await iterator.next())
                let plan = SimulationPlan(
                    stations: [StationSetup(id: "DEMO-A01", version: .v201, connectorCount: 2, connectorMaxKW: 150)], visits: [])
                let simulation = Simulation(
                    plan: plan, baseURL: "ws://127.0.0.1:\(port)", passwords: .demo, clock: clock, callTimeout: 1800, seed: 5,
                    logger: Logger(label: "station"))
                group.addTask { await simulation.run(for: .seconds(12 * 3600), reportInterval: .seconds(12 * 3600)) { _ in } }
                // The outage starts once the station is connected (under load it connects late in
                // clock time) and lasts 15 minutes of clock.
                let connectedBy = ContinuousClock.now + .seconds(60)
                while await !server.stations.connectedStations.contains("DEMO-A01"), ContinuousClock.now < connectedBy {
                    try await Task.sleep(for: .milliseconds(50))
                }
                await simulation.clients[0].dropConnection(until: clock.now().addingTimeInterval(900))

                var received = posts.makeAsyncIterator()
                let (headers, body) = try requireValue(await received.next())
                let timestamp = try #require(headers[HTTPField.Name("X-Busbar-Timestamp")!])
                #expect(headers[HTTPField.Name("X-Busbar-Signature")!] == WebhookSignature.sign(body: body, timestamp: timestamp, secret: secret))
                #expect(headers[HTTPField.Name("Idempotency-Key")!] != nil)
                let text = String(decoding: body, as: UTF8.self)
                #expect(text.contains("charger_offline") && text.contains("DEMO-A01 is offline"))

                // The charger is back after its outage (15 min of clock); wait for the resolution.
                var incidents: [IncidentRecord] = []
                // Waited for in real time: under a loaded machine the accelerated clock runs far
                // ahead of the station's reconnection.
                let deadline = ContinuousClock.now + .seconds(90)
                while !incidents.contains(where: { $0.status == .resolved }), ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(200))
                    incidents = try await store.incidents(depot: depot.id)
                }
                #expect(incidents.count == 1, "one outage, one incident")
                #expect(incidents.first?.status == .resolved, "the charger came back")
                await services.triggerGracefulShutdown()
                group.cancelAll()
            }
        }
    }
}
