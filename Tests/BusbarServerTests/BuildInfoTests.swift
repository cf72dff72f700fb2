import BusbarServer
import Testing

@Suite("Build info")
struct BuildInfoTests {
    @Test func reportsLinkedLibraries() {
        let info = BuildInfo.current()
        #expect(info.lua.hasPrefix("Lua 5.4"))
        #expect(info.sqlite.hasPrefix("3."))
        #expect(info.description.contains("busbar \(BuildInfo.version)"))
    }
}
