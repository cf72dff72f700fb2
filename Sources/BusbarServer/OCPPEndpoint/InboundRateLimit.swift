import DepotModel

/// Per-station inbound rate limit: a token bucket. A station over its rate is not refused (an
/// error makes stations retry, which only adds load); the next frame is read after a delay
/// instead, so TCP slows the station down and other stations keep their share (docs/ocpp.md §10).
struct InboundRateLimit: Sendable {
    /// Sustained frames per second.
    let rate: Double
    /// Frames a station may send at once, e.g. its status notifications after a boot.
    let burst: Double
    private var tokens: Double
    private var updatedAt: ContinuousClock.Instant?

    init(rate: Double = 50, burst: Double = 200) {
        self.rate = rate
        self.burst = burst
        self.tokens = burst
    }

    /// Takes a token for one frame and says how long to wait before reading it.
    mutating func delay(at now: ContinuousClock.Instant) -> Duration {
        if let updatedAt { tokens = min(burst, tokens + (now - updatedAt).secondsValue * rate) }
        updatedAt = now
        tokens -= 1
        return tokens >= 0 ? .zero : .seconds(-tokens / rate)
    }
}
