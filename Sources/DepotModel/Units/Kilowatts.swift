/// Electrical power in kilowatts (grid side unless a name says otherwise).
public struct Kilowatts: PhysicalQuantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let symbol = "kW"

    /// Power from a current on a number of phases at a line-to-neutral voltage (AC), or from a DC
    /// current at a DC voltage (phases = 1).
    public init(current: Amperes, voltage: Volts, phases: Int = 1) {
        self.init(current.value * voltage.value * Double(phases) / 1000)
    }

    /// Power in watts, as OCPP charging profiles use it.
    public var watts: Double { value * 1000 }

    /// The energy delivered at this power over a duration.
    public static func * (power: Kilowatts, duration: Duration) -> KilowattHours {
        KilowattHours(power.value * duration.hours)
    }
}
