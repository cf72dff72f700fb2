public import Foundation

/// Slows down password guessing without ever refusing valid credentials (docs/reliability.md §4.1):
/// many chargers share one depot NAT address, so a misconfigured charger or a stranger must not
/// lock the others out.
///
/// Failed attempts are counted per source address and per identity over a sliding minute; beyond
/// the limits, further *failures* are answered only after a delay. Pending upgrades per source are
/// capped. One security event is reported per source and window when throttling engages.
public actor AuthenticationThrottle {
    public struct Limits: Sendable {
        public var failuresPerSourcePerMinute = 10
        public var failuresPerIdentityPerMinute = 5
        public var delay: Duration = .seconds(2)
        public var pendingUpgradesPerSource = 50

        public init() {}
    }

    private let limits: Limits
    private var failuresBySource: [String: [Date]] = [:]
    private var failuresByIdentity: [String: [Date]] = [:]
    private var pending: [String: Int] = [:]
    private var lastReported: [String: Date] = [:]

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Claims a slot for an upgrade from `source`; false when too many are pending.
    public func beginUpgrade(from source: String) -> Bool {
        let count = pending[source, default: 0]
        guard count < limits.pendingUpgradesPerSource else { return false }
        pending[source] = count + 1
        return true
    }

    public func endUpgrade(from source: String) {
        pending[source] = max(0, pending[source, default: 1] - 1)
        if pending[source] == 0 { pending[source] = nil }
    }

    /// Records a failed attempt and says how long to wait before answering it, and whether this is
    /// the first throttled failure of the window (report one security event then).
    public func recordFailure(source: String, identity: String, at now: Date) -> (delay: Duration, report: Bool) {
        let windowStart = now.addingTimeInterval(-60)
        failuresBySource[source, default: []].removeAll { $0 < windowStart }
        failuresByIdentity[identity, default: []].removeAll { $0 < windowStart }
        failuresBySource[source, default: []].append(now)
        failuresByIdentity[identity, default: []].append(now)
        pruneIdle(before: windowStart)
        let throttled =
            failuresBySource[source, default: []].count > limits.failuresPerSourcePerMinute
            || failuresByIdentity[identity, default: []].count > limits.failuresPerIdentityPerMinute
        guard throttled else { return (.zero, false) }
        let report = lastReported[source].map { $0 < windowStart } ?? true
        if report { lastReported[source] = now }
        return (limits.delay, report)
    }

    /// Keeps memory bounded under a flood from many sources.
    private func pruneIdle(before windowStart: Date) {
        guard failuresBySource.count + failuresByIdentity.count > 10_000 else { return }
        failuresBySource = failuresBySource.filter { $0.value.contains { $0 >= windowStart } }
        failuresByIdentity = failuresByIdentity.filter { $0.value.contains { $0 >= windowStart } }
        lastReported = lastReported.filter { $0.value >= windowStart }
    }
}
