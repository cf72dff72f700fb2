public import DepotModel

/// One slot of the site profile: planned EV load and fixed load against the site limit.
public struct SiteSlot: Hashable, Codable, Sendable {
    public let charging: Kilowatts
    /// Base load plus preconditioning loads.
    public let fixedLoad: Kilowatts
    public let limit: Kilowatts

    public init(charging: Kilowatts, fixedLoad: Kilowatts, limit: Kilowatts) {
        self.charging = charging
        self.fixedLoad = fixedLoad
        self.limit = limit
    }

    /// The total load the site meter would read.
    public var total: Kilowatts { charging + fixedLoad }
}
