import Foundation

extension Range<Date> {
    /// The seconds this range shares with `other`.
    func overlap(with other: Range<Date>) -> TimeInterval {
        Swift.max(0, Swift.min(upperBound, other.upperBound).timeIntervalSince(Swift.max(lowerBound, other.lowerBound)))
    }

    /// The length in seconds.
    var seconds: TimeInterval { upperBound.timeIntervalSince(lowerBound) }

    /// The seconds of `self` covered by at least one of `ranges` (overlaps counted once).
    func coveredSeconds(by ranges: [Range<Date>]) -> TimeInterval {
        let clipped = ranges.map { $0.clamped(to: self) }.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        var total: TimeInterval = 0
        var current: Range<Date>?
        for range in clipped {
            if let open = current, range.lowerBound <= open.upperBound {
                current = open.lowerBound..<Swift.max(open.upperBound, range.upperBound)
            } else {
                total += current?.seconds ?? 0
                current = range
            }
        }
        return total + (current?.seconds ?? 0)
    }
}
