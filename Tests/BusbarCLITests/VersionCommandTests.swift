import Testing

@Suite("busbar version")
struct VersionCommandTests {
    @Test func printsComponentVersions() async throws {
        let result = try await BusbarBinary.run(["version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("busbar "))
        #expect(result.stdout.contains("lua Lua 5.4"))
        #expect(result.stdout.contains("sqlite 3."))
    }
}
