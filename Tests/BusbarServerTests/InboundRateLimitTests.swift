import Testing

@testable import BusbarServer

@Suite("Per-station inbound rate limit")
struct InboundRateLimitTests {
    @Test func burstPassesThenFramesAreSpacedAtTheRate() {
        var limit = InboundRateLimit(rate: 10, burst: 3)
        let start = ContinuousClock.now
        let delays = (0..<5).map { _ in limit.delay(at: start) }
        #expect(delays == [.zero, .zero, .zero, .milliseconds(100), .milliseconds(200)])
    }

    @Test func tokensRefillOverTimeUpToTheBurst() {
        var limit = InboundRateLimit(rate: 10, burst: 2)
        let start = ContinuousClock.now
        _ = limit.delay(at: start)
        _ = limit.delay(at: start)
        #expect(limit.delay(at: start + .milliseconds(100)) == .zero)
        // A long pause refills no more than the burst.
        let later = start + .seconds(60)
        #expect(limit.delay(at: later) == .zero)
        #expect(limit.delay(at: later) == .zero)
        #expect(limit.delay(at: later) > .zero)
    }
}
