import CLua
import CLuaSupport

/// Copies a value from the Lua stack into a `LuaValue`. Only raw, non-allocating API is used
/// (`lua_next`, `lua_tolstring` on strings), so reading outside a protected call cannot raise.
struct LuaReader {
    let state: OpaquePointer

    /// Tables deeper than this, or more values than `maximumValues`, are cut off as opaque.
    static let maximumDepth = 16
    static let maximumValues = 200_000

    func value(at index: Int32) -> LuaValue {
        var count = 0
        return read(lua_absindex(state, index), depth: 0, count: &count)
    }

    private func read(_ index: Int32, depth: Int, count: inout Int) -> LuaValue {
        count += 1
        let type = lua_type(state, index)
        switch type {
        case LUA_TNIL: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(state, index) != 0)
        case LUA_TNUMBER:
            return lua_isinteger(state, index) != 0 ? .integer(lua_tointegerx(state, index, nil)) : .number(lua_tonumberx(state, index, nil))
        case LUA_TSTRING: return .string(string(at: index))
        case LUA_TTABLE: return readTable(index, depth: depth, count: &count)
        default: return .opaque(String(cString: lua_typename(state, type)))
        }
    }

    private func string(at index: Int32) -> String {
        var length = 0
        guard let bytes = lua_tolstring(state, index, &length) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    private func readTable(_ index: Int32, depth: Int, count: inout Int) -> LuaValue {
        guard depth < Self.maximumDepth, count < Self.maximumValues, lua_checkstack(state, 3) != 0 else {
            return .opaque("table nested too deep or too large")
        }
        // A session view reads as the fields the policy saw through it.
        if clua_view_data(state, index) != 0 {
            defer { clua_pop(state, 1) }
            return readTable(lua_gettop(state), depth: depth, count: &count)
        }
        // The sequence part by index (no hashing), then every other key with lua_next.
        let length = Int(lua_rawlen(state, index))
        var sequence: [LuaValue] = []
        sequence.reserveCapacity(length)
        for position in 0..<length {
            lua_rawgeti(state, index, lua_Integer(position + 1))
            let value = read(lua_gettop(state), depth: depth + 1, count: &count)
            clua_pop(state, 1)
            if case .nil = value { break }
            sequence.append(value)
        }
        var fields = LuaFields()
        lua_pushnil(state)
        while lua_next(state, index) != 0 {
            switch lua_type(state, -2) {
            case LUA_TSTRING:
                fields.append(string(at: -2), read(lua_gettop(state), depth: depth + 1, count: &count))
            case LUA_TNUMBER where lua_isinteger(state, -2) != 0:
                let key = lua_tointegerx(state, -2, nil)
                if key < 1 || key > Int64(sequence.count) {
                    fields.append(String(key), read(lua_gettop(state), depth: depth + 1, count: &count))
                }
            default:
                fields.append(
                    "<\(String(cString: lua_typename(state, lua_type(state, -2))))>", read(lua_gettop(state), depth: depth + 1, count: &count))
            }
            clua_pop(state, 1)
        }
        return .table(sequence: sequence, fields: fields)
    }
}
