public import Foundation

/// One stretch of real time during which one tariff block applies, as produced by
/// `GridConnection.blockSegments(covering:in:)`.
public struct BlockSegment: Hashable, Sendable {
    public let block: TimeBlock
    public let interval: Range<Date>

    public init(block: TimeBlock, interval: Range<Date>) {
        self.block = block
        self.interval = interval
    }
}
