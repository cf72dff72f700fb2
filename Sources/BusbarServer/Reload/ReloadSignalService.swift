public import ServiceLifecycle
import UnixSignals

/// `SIGHUP` reloads every served depot (docs/policy-api.md "Hot reload"), the Unix habit for "re-read
/// your configuration"; SIGTERM and SIGINT stay with the service group's graceful shutdown.
public struct ReloadSignalService: Service {
    private let reloader: DepotReloader

    public init(reloader: DepotReloader) { self.reloader = reloader }

    public func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            await reloader.reloadAll()
        }
    }
}
