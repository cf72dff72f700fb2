import DepotModel
import DepotRuntime
import Foundation
import Testing

@Suite("Accelerated clock")
struct AcceleratedClockTests {
    @Test func runsForwardFromItsOrigin() async throws {
        let origin = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = AcceleratedClock(origin: origin, factor: 3_600)
        #expect(clock.now() >= origin)
        // One simulated minute at 3600× is about 17 ms of real time.
        try await clock.sleep(until: origin.addingTimeInterval(60))
        #expect(clock.now() >= origin.addingTimeInterval(60))
    }
}
