/// Energy in kilowatt-hours.
public struct KilowattHours: PhysicalQuantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let symbol = "kWh"

    /// Energy from a watt-hour count, the unit of OCPP meter registers and VDV 463.
    public init(wattHours: Double) { self.init(wattHours / 1000) }

    /// Energy in watt-hours.
    public var wattHours: Double { value * 1000 }

    /// The constant power that delivers this energy over a duration.
    public static func / (energy: KilowattHours, duration: Duration) -> Kilowatts {
        Kilowatts(energy.value / duration.hours)
    }

    /// The share of a battery this energy fills.
    public func stateOfChargeShare(of battery: KilowattHours) -> Percent {
        Percent(value / battery.value * 100)
    }
}
