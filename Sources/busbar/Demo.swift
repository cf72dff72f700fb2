import ArgumentParser
import BusbarServer
import DepotConfig
import DepotModel
import DepotRuntime
import DepotSimulator
import Foundation
import Logging
import PolicyEngine
import ServiceLifecycle
import Storage

extension Busbar {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a live demo depot: the server, simulated chargers and buses, and an accelerated night.",
            discussion: """
                Starts `busbar serve` for the depot on loopback with its own SQLite file, connects a simulated charger for \
                every station of the depot, lets the fleet arrive and leave per the timetable on one accelerated clock, and \
                prints a summary line as the night goes on and the departures at the end. A virtual VDV 463 presystem sends \
                its tenant's timetable and checks Busbar's reports; the buses speak VDV 261 and pre-condition when asked.
                """
        )

        @Option(help: "The depot file to run.")
        var depot = "config/depots/demo.yaml"

        @Option(help: "Simulated seconds per real second (600: a 12-hour night in 72 s).")
        var speed: Double = 120

        @Option(help: "Local time of day the simulated night starts, HH:MM.")
        var start = "19:30"

        @Option(help: "Simulated hours to run.")
        var hours: Double = 12

        @Option(help: "Simulated minutes between summary lines.")
        var reportEvery: Double = 30

        @Option(help: "Listen on this port (0 picks a free one).")
        var port = 8180

        @Option(help: "The SQLite file (default: a new file in the temporary folder).")
        var db: String?

        @Option(help: "Seed for arrivals, SoC draws and message ids.")
        var seed: UInt64 = 1

        @OptionGroup var policyOptions: PolicyOptions

        func validate() throws {
            if speed <= 0 { throw ValidationError("--speed must be positive") }
            if hours <= 0 || hours > 72 { throw ValidationError("--hours must be between 0 and 72") }
            if reportEvery <= 0 { throw ValidationError("--report-every must be positive") }
            if TimeOfDay(start) == nil { throw ValidationError("--start must be a time of day HH:MM") }
        }

        func run() async throws {
            let depot: Depot
            do {
                depot = try DepotFileLoader.load(path: self.depot)
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode(1)
            }
            let engine = try await DepotPolicies.load(depotFile: self.depot).engine(defaults: try policyOptions.defaultsRevision())
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .error
                return handler
            }
            let logger = Logger(label: "busbar.demo")
            let origin = LocalDate(containing: Date(), in: depot.timeZone).instant(at: TimeOfDay(start)!, in: depot.timeZone)
            let clock = AcceleratedClock(origin: origin, factor: speed)
            let path =
                db
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("busbar-demo-\(ProcessInfo.processInfo.processIdentifier).sqlite")
                .path
            let store = BusbarStore(try BusbarDatabase.open(path: path))
            let runtime = RuntimeSettings(tick: .seconds(max(5, Int(speed / 20))))
            let (bound, announce) = AsyncStream.makeStream(of: Int.self)
            let tokens = DemoTokens(depot: depot)
            let server = try BusbarApplication.build(
                listeners: [ServerConfiguration(address: "127.0.0.1", port: port)], depots: [depot], store: store,
                policies: [depot.id: engine], runtime: runtime, apiTokens: tokens.settings,
                secrets: SecretResolver(
                    environment: ProcessInfo.processInfo.environment.merging(DemoSecrets.environment) { _, demo in demo }
                        .merging(tokens.environment) { $1 }),
                clock: clock, presystemReportInterval: .seconds(max(15, speed)), presystemConfirmationTimeout: .seconds(60 * speed),
                logger: logger
            ) { _, port in announce.yield(port) }
            let plan = SimulationPlan(depot: depot, start: clock.now(), seed: seed)
            let controller = server.controllers[depot.id]!
            let services = server.serviceGroup()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await services.run() }
                var ports = bound.makeAsyncIterator()
                guard let port = await ports.next() else { return }
                say("Busbar demo: \(depot.name), \(plan.stations.count) chargers, \(plan.visits.count) bus visits, clock ×\(Int(speed))")
                say("  OCPP     ws://127.0.0.1:\(port)/ocpp/{stationId}")
                say("  health   http://127.0.0.1:\(port)/health")
                say("  VDV 463  ws://127.0.0.1:\(port)/vdv463   VDV 261  http://127.0.0.1:\(port)/vdv261/v2icp/messages")
                say("  map      \(DemoTokens.mapURL(port: port, depot: depot.id, token: tokens.admin))")
                for (tenant, token) in tokens.tenants {
                    say("  map of \(tenant.id)  \(DemoTokens.mapURL(port: port, depot: depot.id, token: token))")
                }
                say("  database \(path)")
                let simulation = Simulation(
                    plan: plan, baseURL: "ws://127.0.0.1:\(port)", passwords: .demo, clock: clock, tick: .seconds(max(1, speed / 10)),
                    callTimeout: 30 * speed, seed: seed, logger: logger)
                let summary = DemoSummary(depot: depot)
                let end = clock.now().addingTimeInterval(hours * 3600)
                // Reports and bus messages at a pace per real second that a depot server sees, not
                // 15 s and 1 min of a clock running hundreds of times faster: the depot's own work
                // must not drown in messages no real night would carry.
                let peers = VDVPeers(
                    simulation: simulation, depot: depot, port: port, secret: DemoSecrets.value(of:), busInterval: .seconds(max(60, 2 * speed)),
                    clock: clock, seed: seed, logger: logger
                ) { presystem, event in summary.line(event, presystem: presystem).map(say) }
                async let night = simulation.run(for: .seconds(hours * 3600), reportInterval: .seconds(hours * 3600)) { _ in }
                async let vdv: Void = peers.run(until: end)
                var reported = Date.distantPast
                var audit = PredictionAudit()
                var nextReport = clock.now().addingTimeInterval(reportEvery * 60)
                while clock.now() < end {
                    // Every clock minute for the predictions, a line every `reportEvery`.
                    try await clock.sleep(until: min(end, clock.now().addingTimeInterval(60)))
                    let snapshot = await controller.snapshot()
                    audit.observe(snapshot)
                    guard clock.now() >= min(end, nextReport) else { continue }
                    nextReport = nextReport.addingTimeInterval(reportEvery * 60)
                    say(summary.line(snapshot))
                    for presystem in peers.presystems { say(await summary.line(report: presystem)) }
                    for incident in snapshot.incidents where incident.at > reported { say(summary.line(incident)) }
                    reported = snapshot.at
                }
                _ = await night
                await vdv
                say(await summary.preconditioning(peers.fleet.log))
                let departures = await simulation.departures.departures
                say(summary.departures(departures, plan: plan, optimum: try? HindsightOptimum(depot: depot, plan: plan)))
                say(audit.line(departures, depot: depot))
                say(summary.line(await controller.statistics))
                await services.triggerGracefulShutdown()
            }
        }
    }
}

/// Writes one line to standard output at once, also into a pipe or a file (`print` buffers there):
/// the demo's summary is meant to be watched.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
