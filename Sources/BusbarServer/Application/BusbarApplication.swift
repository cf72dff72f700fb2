public import DepotConfig
public import DepotModel
public import DepotRuntime
public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
public import Logging
import Notifications
public import PolicyEngine
public import ServiceLifecycle
public import Storage
import UnixSignals

/// The one way to assemble the Busbar server (docs/conventions.md §3): `busbar serve` and the
/// end-to-end tests both call `build`, the tests with port 0, a temporary database and a manual clock.
///
/// Each listener (plain or TLS, docs/ocpp.md §1) is its own Hummingbird application; they share the
/// station registry, the store and the throttles, so a station is the same wherever it connects.
public struct BusbarApplication: Sendable {
    /// The live OCPP connections, and the async command API to the stations.
    public let stations: StationRegistry
    /// One runtime per served depot: the live picture, policies, solver and commands.
    public let controllers: [DepotID: DepotController]
    /// One application per listener, in the order of the configurations.
    public let applications: [Application<RouterResponder<BusbarRequestContext>>]
    /// Background services that run beside the listeners (retention; with a reloader, the file
    /// watcher and the `SIGHUP` handler).
    public let services: [any Service]
    /// The REST operations every listener serves, sorted; `/openapi.yaml` describes exactly these.
    public let apiOperations: [APIOperation]
    private let logger: Logger

    /// - Parameters:
    ///   - listeners: at least one listener.
    ///   - depots: the validated depots this process serves.
    ///   - policies: each depot's policy engine with its revision loaded; a depot without one
    ///     runs the built-in rules.
    ///   - runtime: how often the depots plan and allocate (tests and the demo speed it up with the clock).
    ///   - reloader: when given, hot reload is on: `POST /api/v1/reload`, `GET /api/v1/depots/{id}/status`,
    ///     the file watcher and `SIGHUP` (docs/policy-api.md "Hot reload"); without one both routes answer that it is off.
    ///   - presystemReportInterval: the VDV 463 ProvideChargingInformation cadence in clock time (docs/vdv.md A4).
    ///   - presystemConfirmationTimeout: how long, in clock time, a report may stay unconfirmed before
    ///     the connection is closed; an accelerated clock (the demo) scales it so a presystem keeps
    ///     real seconds to answer.
    ///   - onServerRunning: called with the listener's index and bound port once it is up.
    /// - Throws: `StationDirectoryFailure` when a station secret cannot be read, or a TLS setup error.
    public static func build(
        listeners: [ServerConfiguration], depots: [Depot], store: BusbarStore, policies: [DepotID: PolicyEngine] = [:],
        runtime: RuntimeSettings = RuntimeSettings(), apiTokens: [APITokenSettings] = [],
        retention: (ocppLogDays: Int, decisionDays: Int) = (30, 90),
        secrets: SecretResolver = SecretResolver(), clock: any BusbarClock = SystemClock(), reloader: DepotReloader? = nil,
        presystemReportInterval: Duration = .seconds(15), presystemConfirmationTimeout: Duration = .seconds(60), logger: Logger,
        onServerRunning: @escaping @Sendable (_ listener: Int, _ port: Int) async -> Void = { _, _ in }
    ) throws -> BusbarApplication {
        let registry = StationRegistry()
        let directory = try StationDirectory(depots: depots, secrets: secrets)
        let depotsByID = Dictionary(uniqueKeysWithValues: depots.map { ($0.id, $0) })
        let notifiers = Dictionary(
            uniqueKeysWithValues: depots.map { depot in
                let transports = NotificationTransports.live(settings: depot.notifications, secrets: { try secrets.resolve($0) })
                return (depot.id, Notifier(depot: depot, store: store, transports: transports, clock: clock, logger: logger))
            })
        let controllers = Dictionary(
            uniqueKeysWithValues: depots.map { depot in
                let control = OCPPChargerControl(depot: depot, registry: registry, clock: clock, profileHorizon: runtime.profileHorizon)
                let controller = DepotController(
                    depot: depot, engine: policies[depot.id] ?? PolicyEngine(depot: depot.id, defaults: nil), store: store, control: control,
                    clock: clock, settings: runtime, notifier: notifiers[depot.id], logger: logger)
                return (depot.id, controller)
            })
        let throttle = AuthenticationThrottle()
        let bootAdmission = BootAdmission()
        let authentication = APIAuthentication(tokens: apiTokens, secrets: secrets, logger: logger)
        let dashboard = try DashboardRoutes()
        let recorders = controllers.mapValues { PowerRecorder(controller: $0, clock: clock) }
        let presystems = PresystemDirectory(depots: depots, secrets: secrets, logger: logger)
        let presystemRegistry = PresystemRegistry()
        let vehicles = VehicleDirectory(depots: depots, secrets: secrets, logger: logger)
        let vehicleParameters = VehicleParameterStore()
        let environment = APIEnvironment(authentication: authentication, controllers: controllers, notifiers: notifiers, store: store, clock: clock)
        var apiOperations: [APIOperation] = []
        let applications = try listeners.enumerated().map { index, configuration in
            let router = Router(context: BusbarRequestContext.self)
            router.get("/health") { _, _ in
                let connected = await registry.connectedStations.count
                return "{\"status\":\"ok\",\"stations_connected\":\(connected)}"
            }
            OCPPEndpoint(
                directory: directory, depots: depotsByID, controllers: controllers, store: store, clock: clock, registry: registry,
                throttle: throttle,
                bootAdmission: bootAdmission, configuration: configuration, heartbeatInterval: 300
            ).register(on: router)
            VDV463Endpoint(
                directory: presystems, depots: depotsByID, controllers: controllers, registry: presystemRegistry,
                parameters: vehicleParameters, throttle: throttle, clock: clock,
                chargingInformationInterval: presystemReportInterval, confirmationTimeout: presystemConfirmationTimeout
            ).register(on: router)
            VDV261Endpoint(
                directory: vehicles, controllers: controllers, parameters: vehicleParameters, throttle: throttle, clock: clock
            ).register(on: router)
            apiOperations = RESTAPI.register(
                on: router, environment: environment, registry: registry, reloader: reloader, recorders: recorders, logger: logger)
            dashboard.register(on: router)
            let webSocket = HTTPServerBuilder.http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(ws: .init(maxFrameSize: configuration.maxFrameSize, autoPing: .enabled(timePeriod: configuration.pingInterval))))
            let server =
                try configuration.tls.map { try HTTPServerBuilder.tls(webSocket, tlsConfiguration: TLSSetup.serverConfiguration($0)) } ?? webSocket
            return Application(
                router: router, server: server,
                configuration: .init(address: .hostname(configuration.address, port: configuration.port), backlog: configuration.backlog),
                onServerRunning: { channel in await onServerRunning(index, channel.localAddress?.port ?? configuration.port) },
                logger: logger)
        }
        let retentionService = RetentionService(
            store: store, clock: clock, ocppLogDays: retention.ocppLogDays, decisionDays: retention.decisionDays, logger: logger)
        let runtimeServices: [any Service] =
            controllers.values.map { DepotControllerService(controller: $0) } + notifiers.values.map { NotifierService(notifier: $0) }
            + recorders.values.map { $0 }
        let reloadServices: [any Service] = reloader.map { [DepotFileWatcher(reloader: $0), ReloadSignalService(reloader: $0)] } ?? []
        return BusbarApplication(
            stations: registry, controllers: controllers, applications: applications,
            services: [retentionService] + runtimeServices + reloadServices, apiOperations: apiOperations, logger: logger)
    }

    /// Serves every listener until SIGINT or SIGTERM, then shuts down gracefully.
    public func run() async throws {
        try await serviceGroup().run()
    }

    /// The listeners and services as one group, for callers that end it themselves with
    /// `triggerGracefulShutdown()` (`busbar demo` after its night).
    public func serviceGroup() -> ServiceGroup {
        ServiceGroup(services: applications + services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    }
}
