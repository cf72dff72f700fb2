import Foundation

/// JSON text as the CLI prints it: parsed from the engine's JSON strings, written back with sorted
/// keys so `--json` output is stable and diffable.
enum JSONText {
    /// Parses one JSON value (any type, `null` included); text that is not JSON stays a string.
    static func value(_ text: String) -> Any {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) ?? text
    }

    /// Writes a value parsed by `value(_:)` or built from dictionaries, arrays, strings and numbers.
    static func text(_ value: Any, pretty: Bool = false) -> String {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: options) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
