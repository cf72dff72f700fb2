/// Electrical potential in volts (line to neutral for AC).
public struct Volts: PhysicalQuantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let symbol = "V"

    /// The nominal European line-to-neutral voltage, used to convert AC limits (docs/ocpp.md §13.2).
    public static let nominalLineToNeutral = Volts(230)
}
