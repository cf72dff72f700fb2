import DepotConfig
import DepotModel
import Foundation
import Testing

@Suite("Process settings and cross-file checks")
struct SettingsFileLoaderTests {
    @Test func exampleSettingsLoad() throws {
        let path = LoaderHarness.repositoryRoot.appendingPathComponent("config/busbar.yaml").path
        let settings = try SettingsFileLoader.load(path: path)
        #expect(settings.listeners == [ListenerSettings(address: "0.0.0.0", port: 8180)])
        #expect(settings.databasePath == "var/busbar.sqlite")
        #expect(settings.apiTokens.first == APITokenSettings(token: .environment("BUSBAR_ADMIN_TOKEN"), scope: .admin))
        #expect(settings.apiTokens.contains { $0.scope == .tenant("hochbahn") })
        let files = SettingsFileLoader.depotFiles(of: settings, relativeTo: LoaderHarness.repositoryRoot)
        #expect(files == ["config/depots/demo.yaml", "config/depots/nord.yaml"])
    }

    @Test func defaultsApplyToAnEmptyMapping() throws {
        let settings = try SettingsFileLoader.load(yaml: "log: { level: debug }\n", file: "busbar.yaml")
        #expect(settings.listeners.first?.port == 8180)
        #expect(settings.ocppLogRetentionDays == 30)
        #expect(settings.log == LogSettings(level: "debug", format: .text))
    }

    @Test func unauthenticatedListenersOnlyOnLoopback() throws {
        let yaml = """
            listen:
              - { address: 127.0.0.1, port: 8180, allow_unauthenticated: true }
              - { address: 0.0.0.0, port: 8181, allow_unauthenticated: true }
            """
        do {
            _ = try SettingsFileLoader.load(yaml: yaml, file: "busbar.yaml")
            Issue.record("an unauthenticated public listener was accepted")
        } catch {
            #expect(
                error.issues.map(\.description) == [
                    "busbar.yaml:3:60 listen[1].allow_unauthenticated: unauthenticated stations are allowed on loopback listeners only (127.0.0.1, ::1)"
                ])
        }
    }

    @Test func tokenScopesAreEitherAdminOrOneTenant() throws {
        let yaml = """
            api:
              tokens:
                - { token: abc, scope: admin }
                - { token_env: T2, scope: admin, tenant: x }
                - { token_env: T3, scope: root }
            """
        do {
            _ = try SettingsFileLoader.load(yaml: yaml, file: "busbar.yaml")
            Issue.record("bad tokens were accepted")
        } catch {
            let messages = error.issues.map { "\($0.line):\($0.keyPath): \($0.message)" }
            #expect(messages.contains { $0.hasPrefix("3:api.tokens[0].token: secrets never stand") })
            #expect(messages.contains { $0.hasPrefix("4:api.tokens[1]: a token is either admin or scoped to one tenant") })
            #expect(messages.contains { $0.hasPrefix("5:api.tokens[2].scope: scope must be admin") })
        }
    }

    @Test func checkingAFolderSpansFilesAndFindsCrossFileMistakes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("depots"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try LoaderHarness.minimal.write(to: folder.appendingPathComponent("depots/a.yaml"), atomically: true, encoding: .utf8)
        try LoaderHarness.minimal.write(to: folder.appendingPathComponent("depots/b.yaml"), atomically: true, encoding: .utf8)
        let settings = """
            depots: depots/*.yaml
            api:
              tokens:
                - { token_env: T1, tenant: nobody }
            """
        try settings.write(to: folder.appendingPathComponent("busbar.yaml"), atomically: true, encoding: .utf8)
        let result = ConfigurationCheck.run(paths: [folder.appendingPathComponent("busbar.yaml").path], workingDirectory: folder)
        #expect(result.checked.count == 3)
        let described = result.issues.map {
            "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column) \($0.keyPath): \($0.message)"
        }
        #expect(described.contains { $0.hasPrefix("b.yaml:2:7 depot.id: depot id test is also used by ") && $0.hasSuffix("/depots/a.yaml") })
        #expect(described.contains("busbar.yaml:4:32 api.tokens[0].tenant: unknown tenant nobody"))
    }
}
