/// A Lua value read back after an evaluation, detached from the state, so results are validated
/// and recorded in Swift without touching Lua again. Integers and floats stay apart because the
/// contract asks for integer tiers.
enum LuaValue: Sendable, Hashable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    /// A table: `sequence` holds the values of keys 1...n, `fields` every other key, as text.
    case table(sequence: [LuaValue], fields: LuaFields)
    /// A function, userdata or a table nested too deep: only its type name is kept.
    case opaque(String)

    /// The Lua type name, as policies see it in error messages.
    var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .opaque(let name): name
        }
    }
}
