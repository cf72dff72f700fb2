public import DepotModel
public import Foundation

/// A clock that runs `factor` times faster than the machine's, from a chosen starting instant:
/// `busbar demo` uses it to run one night in minutes over real sockets.
public struct AcceleratedClock: BusbarClock {
    /// The instant the simulated clock showed when it was created.
    public let origin: Date
    public let factor: Double
    private let realOrigin: ContinuousClock.Instant

    /// - Parameters:
    ///   - origin: the simulated time at creation.
    ///   - factor: simulated seconds per real second (> 0).
    public init(origin: Date, factor: Double) {
        precondition(factor > 0, "an accelerated clock needs a positive factor")
        self.origin = origin
        self.factor = factor
        self.realOrigin = ContinuousClock.now
    }

    public func now() -> Date {
        let elapsed = ContinuousClock.now - realOrigin
        return origin.addingTimeInterval(elapsed.secondsValue * factor)
    }

    public func sleep(until deadline: Date) async throws {
        let simulated = deadline.timeIntervalSince(now())
        if simulated > 0 { try await Task.sleep(for: .seconds(simulated / factor)) }
    }
}
