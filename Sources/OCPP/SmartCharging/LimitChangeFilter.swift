import Foundation

/// Decides which new limits are worth a SetChargingProfile (docs/ocpp.md §13.2 "rate"): decreases go
/// out at once; increases only when they exceed 1 kW or 5 % and at most once per 10 s per
/// connector, so a noisy allocator does not flood stations.
public struct LimitChangeFilter: Sendable {
    /// The least time between two sent increases on one connector.
    public let increaseInterval: Duration
    /// An increase of at least this many W is significant.
    public let significantWatts: Double
    /// An increase of at least this share of the last limit is significant.
    public let significantShare: Double

    private var lastSent: [Int: (watts: Double, at: ContinuousClock.Instant)] = [:]

    /// A filter with the defaults of docs/ocpp.md §13.2.
    public init(increaseInterval: Duration = .seconds(10), significantWatts: Double = 1000, significantShare: Double = 0.05) {
        self.increaseInterval = increaseInterval
        self.significantWatts = significantWatts
        self.significantShare = significantShare
    }

    /// Whether to send `watts` for `connector` now; a `true` answer records it as sent.
    public mutating func admit(connector: Int, watts: Double, at now: ContinuousClock.Instant) -> Bool {
        if let last = lastSent[connector] {
            if watts == last.watts { return false }
            if watts > last.watts {
                let change = watts - last.watts
                let significant = change >= significantWatts || change >= significantShare * last.watts
                guard significant, now - last.at >= increaseInterval else { return false }
            }
        }
        lastSent[connector] = (watts, now)
        return true
    }
}
