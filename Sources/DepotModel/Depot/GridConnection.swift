public import Foundation

/// The depot's connection to the grid: a hard limit, a safety margin, an optional live meter and
/// the tariff blocks that set capacity and price by time of day.
public struct GridConnection: Hashable, Codable, Sendable {
    /// The hard limit of the connection (transformer or contract); never exceeded.
    public let connectionLimit: Kilowatts
    /// Headroom the real-time allocator keeps below every limit.
    public let safetyMargin: Kilowatts
    public let meter: SiteMeter?
    /// Blocks covering the whole day without overlap, or empty (the connection limit always applies).
    public let blocks: [TimeBlock]
    /// How far above the least possible peak the night plan may go to charge earlier, as a
    /// fraction (0.1: 10 %), for a depot that pays a demand charge; nil when it pays none, so
    /// readiness may use all the grid allows (docs/solver.md §2.3).
    public let peakTolerance: Double?

    public init(
        connectionLimit: Kilowatts, safetyMargin: Kilowatts = .zero, meter: SiteMeter? = nil, blocks: [TimeBlock] = [],
        peakTolerance: Double? = nil
    ) {
        self.connectionLimit = connectionLimit
        self.safetyMargin = safetyMargin
        self.meter = meter
        self.blocks = blocks
        self.peakTolerance = peakTolerance
    }

    /// The block in force at an instant, or nil when the depot has no blocks.
    public func block(at instant: Date, in timeZone: TimeZone) -> TimeBlock? {
        blockSegments(covering: instant..<instant.addingTimeInterval(1), in: timeZone)
            .first { $0.interval.contains(instant) }?.block
    }

    /// The import limit in force at an instant: the block's limit, capped by the connection.
    public func limit(at instant: Date, in timeZone: TimeZone) -> Kilowatts {
        min(connectionLimit, block(at: instant, in: timeZone)?.limit ?? connectionLimit)
    }

    /// The tariff blocks that apply during `interval`, as consecutive real-time segments in order.
    ///
    /// Each instant belongs to at most one segment; on a spring-forward night a block that lies
    /// wholly in the skipped hour yields no segment, and a repeated autumn hour is counted once.
    public func blockSegments(covering interval: Range<Date>, in timeZone: TimeZone) -> [BlockSegment] {
        guard !blocks.isEmpty else { return [] }
        let firstDay = LocalDate(containing: interval.lowerBound, in: timeZone).adding(days: -1)
        let lastDay = LocalDate(containing: interval.upperBound, in: timeZone)
        var segments: [BlockSegment] = []
        var day = firstDay
        while day <= lastDay {
            for block in blocks {
                let occurrence = block.window.occurrence(startingOn: day, in: timeZone)
                let clipped = occurrence.clamped(to: interval)
                if !clipped.isEmpty { segments.append(BlockSegment(block: block, interval: clipped)) }
            }
            day = day.adding(days: 1)
        }
        return segments.sorted { $0.interval.lowerBound < $1.interval.lowerBound }
    }
}
