import Foundation

/// A parsed JSON document: what a frame carries before its payload is validated and typed, and the
/// type of schema fields that admit any JSON (2.0.1 `DataTransfer.data`).
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}
