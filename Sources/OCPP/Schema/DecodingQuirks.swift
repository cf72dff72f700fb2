import Foundation

/// Per-model relaxations of strict decoding (docs/ocpp.md §4, depot config `quirks:`). Strict by
/// default; the decoder reports which ones a payload needed so each use can be logged.
public struct DecodingQuirks: OptionSet, Hashable, Sendable {
    /// The bit set.
    public let rawValue: Int

    /// Wraps a bit set.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Properties the schema does not define are dropped instead of refused.
    public static let allowUnknownProperties = DecodingQuirks(rawValue: 1 << 0)
    /// Integers and numbers sent as decimal strings (`"16"`) are accepted as numbers.
    public static let numericStrings = DecodingQuirks(rawValue: 1 << 1)
}
