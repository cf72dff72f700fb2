import DepotModel
import Foundation

/// Spreads a reconnect storm (docs/ocpp.md §10): a token bucket of BootNotifications per second; over
/// budget a station is told `Pending` with an interval of 10 s + ⌈queued / rate⌉ s + jitter, and
/// is accepted when it retries inside the budget.
actor BootAdmission {
    struct Decision: Sendable {
        let state: StationBootState
        /// The interval to tell a pending station; nil when accepted.
        let retryAfter: Int?
    }

    private let rate: Double
    private var tokens: Double
    private var updatedAt: Date?
    private var deferred = 0
    private let jitter: @Sendable () -> Int

    /// - Parameters:
    ///   - perSecond: accepted boots per second (default 20).
    ///   - jitter: seconds of jitter, 0–10 by default; tests pass a fixed one.
    init(perSecond: Double = 20, jitter: @escaping @Sendable () -> Int = { Int.random(in: 0...10) }) {
        self.rate = perSecond
        self.tokens = perSecond
        self.jitter = jitter
    }

    func decide(at now: Date) -> Decision {
        if let updatedAt { tokens = min(rate, tokens + now.timeIntervalSince(updatedAt) * rate) }
        updatedAt = now
        if tokens >= 1 {
            tokens -= 1
            deferred = max(0, deferred - 1)
            return Decision(state: .accepted, retryAfter: nil)
        }
        deferred += 1
        return Decision(state: .pending, retryAfter: 10 + Int((Double(deferred) / rate).rounded(.up)) + jitter())
    }
}
