import Foundation
import Testing

@Suite("busbar config check, migrate and unavailable commands")
struct ConfigCheckCommandTests {
    @Test func exampleConfigurationIsValid() async throws {
        let result = try await BusbarBinary.run(["config", "check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "ok config/busbar.yaml\nok config/depots/demo.yaml\nok config/depots/nord.yaml\n")
    }

    @Test func summaryDescribesTheDemoDepot() async throws {
        let result = try await BusbarBinary.run(["config", "check", "--summary", "config/depots/demo.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("depot demo \"Betriebshof Elbbrücken (Demo)\" (Europe/Berlin)"))
        #expect(result.stdout.contains("chargers   20 (8 OCPP 1.6, 12 OCPP 2.0.1), 32 connectors"))
        #expect(result.stdout.contains("timetable  30 daily entries, arrivals from 19:"))
    }

    @Test func threeMistakesGiveThreeLocatedErrorsAndExitOne() async throws {
        let file = "Tests/BusbarCLITests/Fixtures/three-mistakes.yaml"
        let result = try await BusbarBinary.run(["config", "check", file])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                \(file):9:27 circuits[0].limit_kw: 600 kW exceeds the limit of grid.connection_kw (500 kW)
                \(file):14:14 chargers[0].circuit: unknown circuit hal; declared: hall
                \(file):16:40 chargers[0].connectors[0].min_kwh: unknown key (did you mean min_kw?)
                3 problems in 1 file

                """)
    }

    @Test func missingFileIsAProblemNotACrash() async throws {
        let result = try await BusbarBinary.run(["config", "check", "no/such/file.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("no/such/file.yaml:1:1 (document): cannot read the file"))
    }

    @Test func serveRefusesToStartWhenStationSecretsCannotBeRead() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await BusbarBinary.run(
            ["serve", "--depot", "config/depots/nord.yaml", "--db", folder.appendingPathComponent("busbar.sqlite").path, "--port", "0"],
            environment: ["NORD_H01_PASSWORD": "h01-secret-password-0123"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("station password env:NORD_METER_PASSWORD: environment variable is not set"))
        #expect(result.stderr.contains("station password file:/etc/busbar/secrets/nord-h02: file cannot be read"))
        #expect(!result.stderr.contains("NORD_H01"))
    }

    @Test func migrateCreatesTheDatabaseAndIsRepeatable() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("var/busbar.sqlite").path
        let first = try await BusbarBinary.run(["migrate", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("v1-config-revisions"))
        #expect(FileManager.default.fileExists(atPath: db))
        let second = try await BusbarBinary.run(["migrate", "--db", db])
        #expect(second.stdout == first.stdout)
    }
}
