/// A tariff block of the grid connection: capacity and price by time of day (local time).
public struct TimeBlock: Hashable, Codable, Sendable {
    public let name: String
    public let window: DailyWindow
    /// The import limit during the block; never above the connection's hard limit.
    public let limit: Kilowatts
    /// Energy price during the block, in the depot's currency per kWh.
    public let pricePerKilowattHour: Double

    public init(name: String, window: DailyWindow, limit: Kilowatts, pricePerKilowattHour: Double) {
        self.name = name
        self.window = window
        self.limit = limit
        self.pricePerKilowattHour = pricePerKilowattHour
    }
}
