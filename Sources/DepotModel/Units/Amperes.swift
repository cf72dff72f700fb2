/// Electrical current in amperes (per phase for AC).
public struct Amperes: PhysicalQuantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let symbol = "A"

    /// The per-phase current that carries a power at a voltage over a number of phases.
    public init(power: Kilowatts, voltage: Volts, phases: Int = 1) {
        self.init(power.watts / (voltage.value * Double(phases)))
    }
}
