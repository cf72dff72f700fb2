import Foundation

/// Decimal numbers written as text: 1.6 `sampledValue.value` and the `numericStrings` quirk.
/// Only plain decimal notation (`-12.5`, `3e2`), never `nan`, `inf` or hexadecimal, which
/// `Double(String)` would also accept.
public enum DecimalText {
    /// The value of a decimal string, or nil when it is not one or is not finite.
    public static func parse(_ text: String) -> Double? {
        var sawDigit = false
        var sawDot = false
        var sawExponent = false
        var previous: Character = " "
        for (offset, character) in text.enumerated() {
            switch character {
            case "0"..."9": sawDigit = true
            case "+", "-":
                guard offset == 0 || previous == "e" || previous == "E" else { return nil }
            case ".":
                guard !sawDot, !sawExponent else { return nil }
                sawDot = true
            case "e", "E":
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
            default: return nil
            }
            previous = character
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
