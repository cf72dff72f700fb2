import DepotModel
public import Foundation

/// How the outbox retries transient failures: exponential backoff from `initialDelay`, doubled per
/// attempt up to `maximumDelay`, with ±`jitter` spread so many entries failing together do not
/// retry in lockstep; after `maximumAge` since the entry was first due it is marked failed.
public struct RetryPolicy: Hashable, Sendable {
    public var initialDelay: Duration
    public var maximumDelay: Duration
    /// Fraction of the delay drawn at random in both directions (0.2 = ±20 %).
    public var jitter: Double
    public var maximumAge: Duration

    public init(
        initialDelay: Duration = .seconds(30), maximumDelay: Duration = .seconds(15 * 60), jitter: Double = 0.2,
        maximumAge: Duration = .seconds(24 * 3600)
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.jitter = jitter
        self.maximumAge = maximumAge
    }

    /// The wait after the `attempt`-th failed attempt (1 for the first), jittered and capped.
    /// - Parameter draw: a random number in 0...1 that places the delay within the jitter.
    public func delay(afterAttempt attempt: Int, draw: Double) -> TimeInterval {
        let doublings = Double(min(max(attempt - 1, 0), 32))
        let base = min(initialDelay.secondsValue * pow(2, doublings), maximumDelay.secondsValue)
        let spread = jitter * (2 * min(max(draw, 0), 1) - 1)
        return min(base * (1 + spread), maximumDelay.secondsValue)
    }
}
