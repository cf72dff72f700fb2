public import DepotConfig
public import DepotModel
public import Hummingbird
import HummingbirdWebSocket
public import Logging
public import Storage

/// The one way to assemble the Busbar server (conventions.md §3): `busbar serve` and the
/// end-to-end tests both call `build`, the tests with port 0, a temporary database and a manual clock.
public struct BusbarApplication: Sendable {
    /// The live OCPP connections, and the async command API to the stations.
    public let stations: StationRegistry
    public let application: Application<RouterResponder<BusbarRequestContext>>

    /// - Parameters:
    ///   - depots: the validated depots this process serves.
    ///   - onServerRunning: called with the bound port once the listener is up.
    public static func build(
        configuration: ServerConfiguration, depots: [Depot], store: BusbarStore, apiTokens: [APITokenSettings] = [],
        secrets: SecretResolver = SecretResolver(),
        clock: any BusbarClock = SystemClock(), logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> BusbarApplication {
        let registry = StationRegistry()
        let router = Router(context: BusbarRequestContext.self)
        router.get("/health") { _, _ in
            let connected = await registry.connectedStations.count
            return "{\"status\":\"ok\",\"stations_connected\":\(connected)}"
        }
        let endpoint = OCPPEndpoint(
            directory: try StationDirectory(depots: depots, secrets: secrets), depots: Dictionary(uniqueKeysWithValues: depots.map { ($0.id, $0) }),
            store: store, clock: clock, registry: registry, throttle: AuthenticationThrottle(), bootAdmission: BootAdmission(),
            configuration: configuration, heartbeatInterval: 300)
        endpoint.register(on: router)
        StationCallRoute(registry: registry, authentication: APIAuthentication(tokens: apiTokens, secrets: secrets, logger: logger))
            .register(on: router)
        let application = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(ws: .init(maxFrameSize: configuration.maxFrameSize, autoPing: .enabled(timePeriod: configuration.pingInterval)))),
            configuration: .init(address: .hostname(configuration.address, port: configuration.port), backlog: configuration.backlog),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        return BusbarApplication(stations: registry, application: application)
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully.
    public func run() async throws {
        try await application.runService()
    }
}
