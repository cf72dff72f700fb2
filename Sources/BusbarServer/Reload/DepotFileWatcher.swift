import DepotModel
public import ServiceLifecycle

/// Polls each served depot's files (depot YAML, policies, case tables) and reloads a depot once
/// they differ from what its last load read and have settled. Polling is portable and cheap: only
/// modification times and sizes are read until one moves.
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
        var latest: [DepotID: FileFingerprint] = [:]
        while !Task.isShuttingDownGracefully {
            for watched in await reloader.watchedFiles {
                let files = FileFingerprint.files(depotFile: watched.file, policyFolder: watched.policyFolder)
                let fingerprint = FileFingerprint(paths: files, previous: latest[watched.depot] ?? watched.read)
                latest[watched.depot] = fingerprint
                var debounce = debounces[watched.depot] ?? ChangeDebounce(quiet: quiet)
                let fires = debounce.observe(fingerprint, read: watched.read, at: clock.now)
                debounces[watched.depot] = debounce
                if fires { await reloader.reload(depot: watched.depot) }
            }
            try await Task.sleep(for: interval, clock: clock)
        }
    }
}
