/// A value the night needs, or an error naming what was missing (outside a test body,
/// `#require` has no test to record the issue in).
struct MissingValue: Error, CustomStringConvertible {
    let description: String
}

func requireValue<T>(_ value: T?, _ what: String = #function) throws -> T {
    guard let value else { throw MissingValue(description: "missing value in \(what)") }
    return value
}
