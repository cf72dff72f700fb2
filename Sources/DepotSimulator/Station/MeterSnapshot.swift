public import Foundation

/// One set of readings of a connector's meter: what MeterValues and TransactionEvent carry.
public struct MeterSnapshot: Hashable, Sendable {
    /// When the readings were taken (station time).
    public var timestamp: Date
    /// `Energy.Active.Import.Register`, Wh.
    public var energyWh: Double
    /// `Power.Active.Import`, W.
    public var powerW: Double
    /// `SoC`, percent.
    public var stateOfCharge: Double?
    /// `Current.Import`, A per phase.
    public var currentA: Double
}
