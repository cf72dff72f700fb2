import ArgumentParser
import BusbarServer
import DepotConfig
import DepotModel
import DepotRuntime
import Foundation
import Logging
import PolicyEngine
import Storage

extension Busbar {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Busbar: the OCPP endpoint for the configured depots, with health at /health.",
            discussion: """
                Loads the settings file and every depot file it lists with its policies (refusing to start if any is \
                invalid, a policy case fails or a station secret cannot be read), brings the database schema up to date, \
                and serves until SIGINT or SIGTERM. A changed depot file or policy, SIGHUP or POST /api/v1/reload \
                reloads it; a revision that fails keeps the last good one.
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var policyOptions: PolicyOptions

        @Option(help: "Listen on this address instead of the first listener's.")
        var address: String?

        @Option(help: "Listen on this port instead of the first listener's (0 picks a free port and prints it).")
        var port: Int?

        @Option(name: .customLong("depot"), help: "Serve this depot file instead of the settings' depots (repeatable).")
        var depotFiles: [String] = []

        func run() async throws {
            let settings: BusbarSettings
            do {
                settings = try SettingsFileLoader.load(path: options.config)
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode(1)
            }
            let level = Logger.Level(rawValue: options.logLevel ?? settings.log.level) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let logger = Logger(label: "busbar")
            let reloader: DepotReloader
            do {
                reloader = try await DepotReloader.load(
                    depotFiles: depotFiles.isEmpty ? SettingsFileLoader.depotFiles(of: settings) : depotFiles,
                    defaults: try policyOptions.defaultsRevision(), logger: logger)
            } catch let failure as ReloadFailure {
                printError(failure.message)
                throw ExitCode(1)
            }
            let depots = await reloader.depots
            var policies: [DepotID: PolicyEngine] = [:]
            for depot in depots { policies[depot.id] = await reloader.engine(for: depot.id) }
            guard !settings.listeners.isEmpty else { throw ValidationError("the settings name no listener") }
            var listeners = settings.listeners.map(ServerConfiguration.init)
            if let address { listeners[0].address = address }
            if let port { listeners[0].port = port }
            let databasePath = options.db ?? settings.databasePath
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: databasePath).deletingLastPathComponent(), withIntermediateDirectories: true)
            let store = BusbarStore(try BusbarDatabase.open(path: databasePath))
            try await store.markAllStationsOffline(at: Date())
            let configured = listeners
            let announcement = "busbar serving \(depots.count) depot\(depots.count == 1 ? "" : "s") on"
            let server: BusbarApplication
            do {
                server = try BusbarApplication.build(
                    listeners: listeners, depots: depots, store: store, policies: policies, apiTokens: settings.apiTokens,
                    retention: (settings.ocppLogRetentionDays, settings.decisionRetentionDays), reloader: reloader, logger: logger
                ) { index, bound in
                    // Tests and scripts read the bound port from this line (port 0 picks a free one).
                    let scheme = configured[index].tls == nil ? "" : " (TLS)"
                    FileHandle.standardOutput.write(Data("\(announcement) \(configured[index].address):\(bound)\(scheme)\n".utf8))
                }
            } catch {
                printError("\(error)")
                throw ExitCode(1)
            }
            // A reloaded depot file or policy revision reaches its runtime; connections stay.
            for (id, controller) in server.controllers {
                await reloader.onReload { depot in
                    guard depot.id == id else { return }
                    await controller.apply(depot: depot)
                    await controller.policiesReloaded()
                }
                await reloader.onReloadFailure { depot, failure in
                    guard depot == id else { return }
                    await controller.reloadFailed(failure.message)
                }
            }
            try await server.run()
        }
    }
}
