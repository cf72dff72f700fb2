import Foundation

/// A 1.6 sampled value parsed from its decimal text (docs/ocpp.md §12.1) with energy in kWh and power
/// in kW, whatever unit the station used; other units pass through unchanged.
public struct MeterReading: Hashable, Sendable {
    /// The value in ``unit``.
    public let value: Double
    /// `kWh` and `kW` for energy and power; otherwise the unit as sent (default `Wh` becomes `kWh`).
    public let unit: String

    /// Parses and normalises one reading.
    /// - Returns: nil for signed data or text that is not a plain decimal number.
    public init?(text: String, unit: String?, signed: Bool) {
        guard !signed, let number = DecimalText.parse(text) else { return nil }
        switch unit ?? "Wh" {
        case "Wh": (value, self.unit) = (number / 1000, "kWh")
        case "W": (value, self.unit) = (number / 1000, "kW")
        case "varh": (value, self.unit) = (number / 1000, "kvarh")
        case "var": (value, self.unit) = (number / 1000, "kvar")
        case "VA": (value, self.unit) = (number / 1000, "kVA")
        case let other: (value, self.unit) = (number, other)
        }
    }
}
