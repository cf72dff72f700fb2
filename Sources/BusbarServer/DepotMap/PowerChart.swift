import DepotModel
import Foundation

/// The chart's data in one live-stream event: power samples not sent yet, and the grid limit as
/// steps by block over the night window, so the page draws the limit ahead of the samples.
struct PowerChart: Encodable, Sendable {
    /// One stretch of time with one import limit.
    struct LimitStep: Encodable, Sendable, Equatable {
        let from: Date
        let to: Date
        let limitKw: Double
        let block: String?
    }

    let samples: [PowerSample]
    let limits: [LimitStep]

    /// How far the window reaches at least: a night from the first sample on.
    static let night: TimeInterval = 12 * 3600

    /// - Parameters:
    ///   - samples: the samples to send.
    ///   - start: the first sample's time (or now, before the first sample).
    ///   - now: the depot's clock now; the window always reaches an hour past it.
    init(samples: [PowerSample], start: Date, now: Date, grid: GridConnection, timeZone: TimeZone) {
        self.samples = samples
        let end = max(start.addingTimeInterval(Self.night), now.addingTimeInterval(3600))
        limits = Self.steps(covering: start..<end, grid: grid, timeZone: timeZone)
    }

    /// The limit over `window`: each block's limit capped by the connection, and the connection's
    /// limit where no block applies.
    static func steps(covering window: Range<Date>, grid: GridConnection, timeZone: TimeZone) -> [LimitStep] {
        var steps: [LimitStep] = []
        var cursor = window.lowerBound
        for segment in grid.blockSegments(covering: window, in: timeZone) {
            if cursor < segment.interval.lowerBound {
                steps.append(LimitStep(from: cursor, to: segment.interval.lowerBound, limitKw: grid.connectionLimit.value, block: nil))
            }
            let limit = min(grid.connectionLimit, segment.block.limit)
            steps.append(
                LimitStep(from: segment.interval.lowerBound, to: segment.interval.upperBound, limitKw: limit.value, block: segment.block.name))
            cursor = segment.interval.upperBound
        }
        if cursor < window.upperBound {
            steps.append(LimitStep(from: cursor, to: window.upperBound, limitKw: grid.connectionLimit.value, block: nil))
        }
        return steps
    }
}
