public import DepotModel

/// The time block in force now (`ctx.depot.grid.block`): its name, limit and energy price.
public struct BlockView: Codable, Sendable, Hashable {
    public var name: String
    public var limitKw: Kilowatts
    public var pricePerKwh: Double?

    public init(name: String, limitKw: Kilowatts, pricePerKwh: Double? = nil) {
        self.name = name
        self.limitKw = limitKw
        self.pricePerKwh = pricePerKwh
    }
}
