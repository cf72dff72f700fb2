import DepotModel
public import ServiceLifecycle

/// Polls each served depot's files (depot YAML, policies, case tables) and reloads a depot once
/// its changes have settled. Polling is portable and cheap: only modification times and sizes are
/// read until one moves.
public struct DepotFileWatcher: Service {
    private let reloader: DepotReloader
    private let interval: Duration
    private let quiet: Duration

    /// - Parameters:
    ///   - interval: how often the files are looked at.
    ///   - quiet: how long a change must stay unchanged before the reload.
    public init(reloader: DepotReloader, interval: Duration = .milliseconds(250), quiet: Duration = .milliseconds(500)) {
        self.reloader = reloader
        self.interval = interval
        self.quiet = quiet
    }

    public func run() async throws {
        let clock = ContinuousClock()
        var debounces: [DepotID: ChangeDebounce<ContinuousClock.Instant>] = [:]
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            for watched in await reloader.watchedPaths {
                let files = FileFingerprint.files(depotFile: watched.file, policyFolder: watched.policyFolder)
                guard var debounce = debounces[watched.depot] else {
                    debounces[watched.depot] = ChangeDebounce(quiet: quiet, settled: FileFingerprint(paths: files, previous: nil))
                    continue
                }
                let fires = debounce.observe(FileFingerprint(paths: files, previous: debounce.latest), at: clock.now)
                debounces[watched.depot] = debounce
                if fires { await reloader.reload(depot: watched.depot) }
            }
            try await Task.sleep(for: interval, clock: clock)
        }
    }
}
