/// A share in percent (0–100), used for state of charge and state of health.
public struct Percent: PhysicalQuantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let symbol = "%"

    /// Whether the value is a valid share (0 ≤ value ≤ 100).
    public var isValidShare: Bool { value >= 0 && value <= 100 }

    /// The value limited to 0–100.
    public var clampedToShare: Percent { Percent(min(100, max(0, value))) }

    /// The energy this share of a battery holds.
    public func of(_ battery: KilowattHours) -> KilowattHours {
        KilowattHours(battery.value * value / 100)
    }
}
