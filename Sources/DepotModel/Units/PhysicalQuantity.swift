/// The shared arithmetic of Busbar's unit types.
///
/// Each unit (kW, kWh, A, V, %) is its own type, so a power can never be passed where an energy is
/// meant; the compiler rejects `Kilowatts + KilowattHours`. Conversions between units are explicit
/// functions (`Kilowatts * hours → KilowattHours`) defined next to the unit that results.
public protocol PhysicalQuantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, AdditiveArithmetic
{
    /// The quantity in its base unit (the one in the type's name).
    var value: Double { get }
    init(_ value: Double)
    /// The unit symbol printed after the value, e.g. `kW`.
    static var symbol: String { get }
}

extension PhysicalQuantity {
    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }

    public static var zero: Self { Self(0) }
    public static func + (lhs: Self, rhs: Self) -> Self { Self(lhs.value + rhs.value) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(lhs.value - rhs.value) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    public static func * (lhs: Self, factor: Double) -> Self { Self(lhs.value * factor) }
    public static func * (factor: Double, rhs: Self) -> Self { Self(rhs.value * factor) }
    public static func / (lhs: Self, divisor: Double) -> Self { Self(lhs.value / divisor) }
    /// The dimensionless ratio of two quantities of the same unit.
    public static func / (lhs: Self, rhs: Self) -> Double { lhs.value / rhs.value }
    public static prefix func - (operand: Self) -> Self { Self(-operand.value) }

    public var description: String {
        let rounded = (value * 1000).rounded() / 1000
        let text = rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
        return "\(text) \(Self.symbol)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode(Double.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension Sequence where Element: PhysicalQuantity {
    /// The sum of the quantities, zero for an empty sequence.
    public func sum() -> Element { reduce(.zero, +) }
}
