import DepotModel
import Foundation

/// A test clock that runs `factor` times faster than the machine's, so a simulated station sends
/// its minute meter values every second of a live end-to-end test.
struct FastClock: BusbarClock {
    let origin: Date
    let factor: Double
    private let start = ContinuousClock.now

    init(origin: Date, factor: Double) {
        self.origin = origin
        self.factor = factor
    }

    func now() -> Date { origin.addingTimeInterval((ContinuousClock.now - start).secondsValue * factor) }

    func sleep(until deadline: Date) async throws {
        let remaining = deadline.timeIntervalSince(now())
        if remaining > 0 { try await Task.sleep(for: .seconds(remaining / factor)) }
    }
}
