import CLua
import Foundation

/// Pushes policy inputs onto the Lua stack. Used only between `clua_sandbox_prepare` and
/// `clua_sandbox_call`, outside the memory cap; keys are static strings so Lua's string cache
/// (keyed by the C pointer) makes repeated field names cheap.
struct LuaWriter {
    let state: OpaquePointer

    /// Pushes a new table sized for `sequence` items and `fields` named fields.
    func newTable(sequence: Int = 0, fields: Int = 0) { lua_createtable(state, Int32(sequence), Int32(fields)) }

    func push(_ value: Double) { lua_pushnumber(state, value) }
    func push(_ value: Int) { lua_pushinteger(state, lua_Integer(value)) }
    func push(_ value: Bool) { lua_pushboolean(state, value ? 1 : 0) }

    func push(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(state, $0.baseAddress, $0.count) }
        }
    }

    /// Times are Unix seconds; whole seconds are pushed as integers.
    func push(_ instant: Date) {
        let seconds = instant.timeIntervalSince1970
        if seconds == seconds.rounded(.towardZero), abs(seconds) < 1e15 { push(Int(seconds)) } else { push(seconds) }
    }

    /// Pops the value on top into field `key` of the table below it.
    func setField(_ key: StaticString) {
        key.withUTF8Buffer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { lua_setfield(state, -2, $0.baseAddress) }
        }
    }

    /// Pops the value on top into field `key` of the table at absolute `index`.
    func setField(_ key: StaticString, in index: Int32) {
        key.withUTF8Buffer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { lua_setfield(state, index, $0.baseAddress) }
        }
    }

    /// Pops the value on top into field `key` (a runtime string) of the table below it.
    func setField(named key: String) { key.withCString { lua_setfield(state, -2, $0) } }

    /// Pops the value on top into position `index` (1-based) of the table below it.
    func setIndex(_ index: Int) { lua_rawseti(state, -2, lua_Integer(index)) }

    /// Pushes a copy of the value at the absolute stack `index`.
    func pushCopy(of index: Int32) { lua_pushvalue(state, index) }

    /// The absolute index of the value on top of the stack.
    var top: Int32 { lua_gettop(state) }

    /// Pushes field `key` of the table at absolute `index` (nil when absent).
    func pushField(of index: Int32, named key: String) { _ = key.withCString { lua_getfield(state, index, $0) } }

    func pop() { clua_pop(state, 1) }

    /// Removes the value at absolute `index`.
    func remove(at index: Int32) {
        lua_rotate(state, index, -1)
        clua_pop(state, 1)
    }

    var isNilOnTop: Bool { lua_type(state, -1) == LUA_TNIL }

    // Optional conveniences: absent values are simply not set (nil in Lua).
    func set(_ key: StaticString, _ value: Double?) {
        if let value {
            push(value)
            setField(key)
        }
    }
    func set(_ key: StaticString, _ value: Int?) {
        if let value {
            push(value)
            setField(key)
        }
    }
    func set(_ key: StaticString, _ value: Bool) {
        push(value)
        setField(key)
    }
    func set(_ key: StaticString, _ value: String?) {
        if let value {
            push(value)
            setField(key)
        }
    }
    func set(_ key: StaticString, _ value: Date?) {
        if let value {
            push(value)
            setField(key)
        }
    }
}
