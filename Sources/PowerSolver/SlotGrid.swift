import DepotModel
public import Foundation

/// The planner's time axis: equal slots (15 or 5 minutes) from a start instant, aligned to the slot
/// length so plans made a few seconds apart share their slot boundaries (docs/solver.md §2.1).
public struct SlotGrid: Hashable, Codable, Sendable {
    /// The start of slot 0 (aligned down to a multiple of `slotLength` since the Unix epoch).
    public let start: Date
    public let slotLength: Duration
    /// The number of slots.
    public let count: Int

    /// A grid that covers `start..<end` with aligned slots; the first and last slots may reach
    /// outside the interval (they become partial slots for the vehicles in them).
    public init(covering start: Date, to end: Date, slotLength: Duration) {
        let length = slotLength.secondsValue
        let alignedStart = (start.timeIntervalSince1970 / length).rounded(.down) * length
        let alignedEnd = (end.timeIntervalSince1970 / length).rounded(.up) * length
        self.start = Date(timeIntervalSince1970: alignedStart)
        self.slotLength = slotLength
        self.count = max(0, Int(((alignedEnd - alignedStart) / length).rounded()))
    }

    /// The instant slot `index` begins.
    public func slotStart(_ index: Int) -> Date { start.addingTimeInterval(Double(index) * slotLength.secondsValue) }

    /// The slot containing an instant, or nil outside the grid.
    public func slot(containing instant: Date) -> Int? {
        let index = Int((instant.timeIntervalSince(start) / slotLength.secondsValue).rounded(.down))
        return (0..<count).contains(index) ? index : nil
    }

    /// The share (0…1) of slot `index` that lies inside `interval`: α of docs/solver.md §2.1.
    public func coverage(of index: Int, by interval: Range<Date>) -> Double {
        let slot = slotStart(index)..<slotStart(index + 1)
        let overlap = slot.clamped(to: interval)
        return overlap.isEmpty ? 0 : overlap.upperBound.timeIntervalSince(overlap.lowerBound) / slotLength.secondsValue
    }
}
