import Foundation

extension LuaValue {
    /// The value as a JSON-compatible tree: a table with only keys 1...n is an array, any other an
    /// object; an empty table is an empty array.
    var jsonObject: Any {
        switch self {
        case .nil: NSNull()
        case .boolean(let value): value
        case .integer(let value): value
        case .number(let value): value.isFinite ? value : String(value)
        case .string(let value): value
        case .opaque(let name): "<\(name)>"
        case .table(let sequence, let fields):
            if fields.isEmpty {
                sequence.map(\.jsonObject)
            } else {
                Dictionary(
                    sequence.enumerated().map { (String($0.offset + 1), $0.element.jsonObject) }
                        + fields.map { ($0.key, $0.value.jsonObject) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }

    /// Compact JSON text with sorted keys, for decision records and `--json` output.
    var jsonText: String {
        let object = jsonObject
        guard JSONSerialization.isValidJSONObject([object]),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
