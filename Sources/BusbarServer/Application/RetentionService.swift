public import DepotModel
import Foundation
public import Logging
public import ServiceLifecycle
public import Storage

/// Prunes the OCPP message log and the policy decision log to their retention windows
/// (docs/reliability.md §1; `retention` in `config/busbar.yaml`), once at start and then hourly.
public struct RetentionService: Service {
    let store: BusbarStore
    let clock: any BusbarClock
    let ocppLogDays: Int
    let decisionDays: Int
    let interval: Duration
    let logger: Logger

    public init(store: BusbarStore, clock: any BusbarClock, ocppLogDays: Int, decisionDays: Int, interval: Duration = .seconds(3600), logger: Logger)
    {
        self.store = store
        self.clock = clock
        self.ocppLogDays = ocppLogDays
        self.decisionDays = decisionDays
        self.interval = interval
        self.logger = logger
    }

    /// Prunes once; returns how many log entries and decisions were deleted.
    @discardableResult
    public func pruneOnce() async throws -> (frames: Int, decisions: Int) {
        let now = clock.now()
        let frames = try await store.pruneMessageLog(olderThan: now.addingTimeInterval(-Double(ocppLogDays) * 86_400))
        let decisions = try await store.pruneDecisions(olderThan: now.addingTimeInterval(-Double(decisionDays) * 86_400))
        if frames + decisions > 0 { logger.info("retention pruned", metadata: ["ocpp.frames": "\(frames)", "decisions": "\(decisions)"]) }
        return (frames, decisions)
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                try await pruneOnce()
            } catch {
                logger.error("retention failed; retrying next round", metadata: ["error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await clock.sleep(for: interval) }
            } catch {
                return  // shutdown (or cancellation) ends the wait
            }
        }
    }
}
