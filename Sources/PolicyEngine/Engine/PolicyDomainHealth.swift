public import DepotModel

/// The health of one domain's policy: failures in a row, the last error, and whether it counts
/// as unhealthy (3 consecutive failures, or a watchdog trip until the next reload).
public struct PolicyDomainHealth: Sendable, Hashable {
    public var domain: PolicyDomain
    public var consecutiveFailures: Int
    public var lastError: PolicyError?
    /// Set by the watchdog: every decision of this domain uses the default until a reload.
    public var disabled: Bool

    /// What the API shows: fewer than 3 failures in a row and not stopped by the watchdog.
    public var healthy: Bool { consecutiveFailures < 3 && !disabled }

    init(domain: PolicyDomain) {
        self.domain = domain
        consecutiveFailures = 0
        lastError = nil
        disabled = false
    }
}
