public import DepotModel
import Foundation
public import Logging
public import PolicyEngine

/// Owns, per served depot, its file, the `Depot` in force and its `PolicyEngine`, and swaps in
/// new revisions on request (file watch, `SIGHUP`, `POST /api/v1/reload`; docs/policy-api.md "Hot
/// reload"): the whole revision is read, compiled, shape-checked and its case tables run on the
/// side; only then do the engine and the depot change, together. On failure the last good
/// revision stays and the status names the error with file and line.
public actor DepotReloader {
    private struct Served {
        let file: String
        var revision: DepotRevision
        /// The files as the last load (good or not) found them, for the watcher.
        var read: FileFingerprint
        let engine: PolicyEngine
        var status: DepotReloadStatus
        /// Counts reloads of this depot, so one that finishes after a later one does not record.
        var reloads = 0
    }

    private var served: [DepotID: Served] = [:]
    /// The depots in the order of their files.
    private var order: [DepotID] = []
    private var observers: [@Sendable (Depot) async -> Void] = []
    private var failureObservers: [@Sendable (DepotID, ReloadFailure) async -> Void] = []
    private let defaults: PolicyRevision?
    private let clock: any BusbarClock
    private let logger: Logger

    private init(defaults: PolicyRevision?, clock: any BusbarClock, logger: Logger) {
        self.defaults = defaults
        self.clock = clock
        self.logger = logger
    }

    /// Loads every depot file with its policies and runs its cases, as a reload does; the server
    /// does not start with a revision that would not be swapped in.
    /// - Parameters:
    ///   - defaults: the built-in default policies (`policies/defaults/`), found as `busbar policy` finds them.
    ///   - clock: gives `since`.
    public static func load(
        depotFiles: [String], defaults: PolicyRevision?, clock: any BusbarClock = SystemClock(), logger: Logger
    ) async throws(ReloadFailure) -> DepotReloader {
        let reloader = DepotReloader(defaults: defaults, clock: clock, logger: logger)
        for file in depotFiles { try await reloader.add(file) }
        return reloader
    }

    private func add(_ file: String) async throws(ReloadFailure) {
        let revision = try DepotRevision.load(depotFile: file)
        let read = FileFingerprint(paths: FileFingerprint.files(depotFile: file, policyFolder: revision.depot.policies?.directory), previous: nil)
        let id = revision.depot.id
        guard served[id] == nil else { throw ReloadFailure(file: file, "depot \(id) is served twice") }
        let engine = PolicyEngine(depot: id, defaults: defaults)
        let now = clock.now()
        do {
            try await engine.reload(revision.policies ?? Self.noPolicies, cases: revision.cases, at: now)
        } catch {
            throw ReloadFailure(error)
        }
        let status = DepotReloadStatus(depot: id, activeRevision: revision.hash, since: now, lastError: nil, policies: await engine.status)
        served[id] = Served(file: file, revision: revision, read: read, engine: engine, status: status)
        order.append(id)
    }

    /// A revision without policy files: every domain is decided by the defaults.
    private static let noPolicies = PolicyRevision(folder: "", files: [:], domains: [:])

    /// The depots in force, in the order of their files.
    public var depots: [Depot] { order.compactMap { served[$0]?.revision.depot } }

    /// The policy engine of a served depot; the same engine across reloads.
    public func engine(for depot: DepotID) -> PolicyEngine? { served[depot]?.engine }

    /// Calls `observer` with the new `Depot` after every successful reload (the depot runtime
    /// subscribes to apply configuration changes).
    public func onReload(_ observer: @escaping @Sendable (Depot) async -> Void) { observers.append(observer) }

    /// Calls `observer` after every refused reload, for the operator alert (`config_reload_failed`).
    public func onReloadFailure(_ observer: @escaping @Sendable (DepotID, ReloadFailure) async -> Void) { failureObservers.append(observer) }

    /// The status of one depot, with its engine's current view of the policies.
    public func status(of depot: DepotID) async -> DepotReloadStatus? {
        guard var status = served[depot]?.status, let engine = served[depot]?.engine else { return nil }
        status.policies = await engine.status
        return status
    }

    /// The depot file, policy folder and the files as last read of each served depot, for the watcher.
    var watchedFiles: [(depot: DepotID, file: String, policyFolder: String?, read: FileFingerprint)] {
        order.compactMap { id in served[id].map { (id, $0.file, $0.revision.depot.policies?.directory, $0.read) } }
    }

    /// Re-reads every served depot (`SIGHUP`, `POST /api/v1/reload`).
    @discardableResult
    public func reloadAll() async -> [DepotReloadStatus] {
        var statuses: [DepotReloadStatus] = []
        for id in order {
            if let status = await reload(depot: id) { statuses.append(status) }
        }
        return statuses
    }

    /// Re-reads one depot's file and policy folder, checks and tests the revision, and swaps it
    /// in; on failure keeps the last good revision and records the error. Nil for an unknown depot.
    @discardableResult
    public func reload(depot id: DepotID) async -> DepotReloadStatus? {
        guard let current = served[id] else { return nil }
        served[id]!.reloads += 1
        let ticket = served[id]!.reloads
        // Taken before reading, so an edit made while this reload runs is seen as a change.
        served[id]!.read = FileFingerprint(
            paths: FileFingerprint.files(depotFile: current.file, policyFolder: current.revision.depot.policies?.directory), previous: current.read)
        var failure: ReloadFailure?
        var loaded: DepotRevision?
        do throws(ReloadFailure) {
            let revision = try DepotRevision.load(depotFile: current.file)
            guard revision.depot.id == id else {
                throw ReloadFailure(file: current.file, "the depot id changed from \(id) to \(revision.depot.id); restart to serve another depot")
            }
            do {
                try await current.engine.reload(revision.policies ?? Self.noPolicies, cases: revision.cases, at: clock.now())
            } catch {
                throw ReloadFailure(error)
            }
            loaded = revision
        } catch {
            failure = error
        }
        guard served[id]?.reloads == ticket else { return await status(of: id) }
        if let loaded {
            served[id]!.revision = loaded
            served[id]!.status.activeRevision = loaded.hash
            served[id]!.status.since = clock.now()
            served[id]!.status.lastError = nil
            logger.info("depot reloaded", metadata: ["depot.id": "\(id)", "policy.rev": "\(loaded.hash)"])
            for observer in observers { await observer(loaded.depot) }
        } else if let failure {
            served[id]!.status.lastError = failure
            logger.error("depot reload failed; the last good revision stays", metadata: ["depot.id": "\(id)", "error": "\(failure.message)"])
            for observer in failureObservers { await observer(id, failure) }
        }
        return await status(of: id)
    }
}
