import PolicyEngine
import Testing

@Suite("Lua runtime")
struct LuaRuntimeTests {
    @Test func linksLua54() {
        #expect(LuaRuntime.linkedVersion == 504)
        #expect(LuaRuntime.release.hasPrefix("Lua 5.4"))
    }
}
