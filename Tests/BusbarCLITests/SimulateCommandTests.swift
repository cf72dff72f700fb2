import Testing

/// `busbar simulate` through the built binary: its exit codes when nothing can be simulated.
@Suite struct SimulateCommandTests {
    @Test func noServerMeansExitOne() async throws {
        let result = try await BusbarBinary.run([
            "simulate", "--url", "ws://127.0.0.1:1", "--chargers", "2", "--duration", "1", "--report-every", "1",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("simulating 2 stations, 2 vehicle visits against ws://127.0.0.1:1"))
        #expect(result.stderr.contains("no OCPP message was exchanged"))
    }

    @Test func theEnvSchemeNeedsThePassword() async throws {
        let result = try await BusbarBinary.run(["simulate", "--password-scheme", "env"], environment: ["BUSBAR_SIM_PASSWORD": ""])
        #expect(result.status == 1)
        #expect(result.stderr.contains("BUSBAR_SIM_PASSWORD is not set"))
    }

    @Test func invalidOptionsAreRefused() async throws {
        let result = try await BusbarBinary.run(["simulate", "--chargers", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--chargers must be between 1 and 100000"))
    }
}
