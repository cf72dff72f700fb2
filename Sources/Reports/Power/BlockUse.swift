/// Energy drawn during one tariff block over the period, and what it cost at the block's price.
public struct BlockUse: Sendable, Hashable {
    public let block: String
    public let energyKilowattHours: Double
    public let pricePerKilowattHour: Double
    public let limitKilowatts: Double
    /// 15-minute intervals of this block whose average exceeded its limit.
    public let intervalsOverLimit: Int

    /// The block's energy at its price, in the depot's currency.
    public var cost: Double { energyKilowattHours * pricePerKilowattHour }

    var fields: [ReportField] {
        [
            ReportField("block", .text(block)), ReportField("energy_kwh", .number(energyKilowattHours, decimals: 3)),
            ReportField("price_per_kwh", .number(pricePerKilowattHour, decimals: 4)), ReportField("cost", .number(cost, decimals: 2)),
            ReportField("limit_kw", .number(limitKilowatts, decimals: 3)), ReportField("intervals_over_limit", .count(intervalsOverLimit)),
        ]
    }
}
