public import DepotModel

/// Battery energy a vehicle will miss, split by cause so alerts can say why (docs/solver.md §4).
public struct Shortfall: Hashable, Codable, Sendable {
    /// Missing energy to the min target.
    public let must: KilowattHours
    /// Missing energy to the max target (includes `must`).
    public let total: KilowattHours
    /// The part no plan could deliver, even with the depot to itself.
    public let intrinsic: KilowattHours

    public init(must: KilowattHours, total: KilowattHours, intrinsic: KilowattHours) {
        self.must = must
        self.total = total
        self.intrinsic = intrinsic
    }

    /// The part lost to shared limits (site, circuits, other vehicles).
    public var gridLimited: KilowattHours { KilowattHours(max(0, total.value - intrinsic.value)) }
}
