import Foundation

/// A parsed JSON document: what a frame carries before its payload is validated and typed, and the
/// type of schema fields that admit any JSON (2.0.1 `DataTransfer.data`).
public enum JSONValue: Hashable, Sendable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (integers are exact up to 2^53).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; keys are unique (duplicates are refused when parsing).
    case object([String: JSONValue])
}
