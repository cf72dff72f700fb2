public import Foundation

/// Site charging power in one 15-minute interval (shorter at the period's edges), against the
/// grid limit in force.
public struct PowerIntervalRow: ReportRow, Hashable {
    public let start: Date
    public let end: Date
    /// The tariff block in force at the interval's start; nil when the depot has no blocks.
    public let block: String?
    public let energyKilowattHours: Double
    /// Energy over the interval's length: the mean power a grid meter bills.
    public let averageKilowatts: Double
    /// The lowest import limit in force during the interval (block limit, capped by the connection).
    public let limitKilowatts: Double
    /// How far the average exceeded the limit; 0 when within it.
    public let excessKilowatts: Double

    public static let columns = ["start", "end", "block", "energy_kwh", "average_kw", "limit_kw", "excess_kw"]

    public var values: [ReportValue] {
        [
            .time(start), .time(end), .text(block), .number(energyKilowattHours, decimals: 3), .number(averageKilowatts, decimals: 3),
            .number(limitKilowatts, decimals: 3), .number(excessKilowatts, decimals: 3),
        ]
    }
}
