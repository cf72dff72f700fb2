public import DepotModel

/// The grid connection's limit and the tariff block in force (`ctx.depot.grid`).
public struct GridView: Codable, Sendable, Hashable {
    public var limitKw: Kilowatts
    public var block: BlockView?

    public init(limitKw: Kilowatts, block: BlockView? = nil) {
        self.limitKw = limitKw
        self.block = block
    }
}
