import CLua

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
        var indexed: [Int64: LuaValue] = [:]
        var fields: [String: LuaValue] = [:]
        lua_pushnil(state)
        while lua_next(state, index) != 0 {
            let value = read(lua_gettop(state), depth: depth + 1, count: &count)
            switch lua_type(state, -2) {
            case LUA_TSTRING: fields[string(at: -2)] = value
            case LUA_TNUMBER where lua_isinteger(state, -2) != 0: indexed[lua_tointegerx(state, -2, nil)] = value
            default: fields["<\(String(cString: lua_typename(state, lua_type(state, -2))))>"] = value
            }
            clua_pop(state, 1)
        }
        var sequence: [LuaValue] = []
        sequence.reserveCapacity(indexed.count)
        while let next = indexed.removeValue(forKey: Int64(sequence.count + 1)) { sequence.append(next) }
        for (key, value) in indexed { fields[String(key)] = value }
        return .table(sequence: sequence, fields: fields)
    }
}
