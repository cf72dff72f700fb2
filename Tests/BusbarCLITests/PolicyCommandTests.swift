import DepotModel
import Foundation
import PolicyEngine
import Storage
import Testing

@Suite("busbar policy check, test, eval and replay")
struct PolicyCommandTests {
    static let fixtures = "Tests/BusbarCLITests/Fixtures"
    static let okDepot = "\(fixtures)/depot-ok.yaml"
    static let badDepot = "\(fixtures)/depot-bad.yaml"
    static let failingDepot = "\(fixtures)/depot-fail.yaml"
    static let state = "\(fixtures)/policies/ok/states/night.yaml"

    // MARK: check

    @Test func checkNamesTheFileOfEachDomainAndTheDefaults() async throws {
        let result = try await BusbarBinary.run(["policy", "check", Self.okDepot])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                fixture priority: ok \(Self.fixtures)/policies/ok/priority.lua
                fixture enforcement: built-in default
                fixture preconditioning: built-in default
                fixture escalation: built-in default
                defaults priority: ok policies/defaults/priority.lua
                defaults enforcement: ok policies/defaults/enforcement.lua
                defaults preconditioning: ok policies/defaults/preconditioning.lua
                defaults escalation: ok policies/defaults/escalation.lua

                """)
    }

    @Test func checkWithoutFilesChecksTheDepotsOfTheSettingsFile() async throws {
        let result = try await BusbarBinary.run(["policy", "check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("demo all domains: built-in defaults\nnord priority: ok policies/examples/priority.lua\n"))
        #expect(result.stdout.contains("nord escalation: ok policies/examples/escalation.lua\n"))
    }

    @Test func checkReportsASyntaxErrorWithFileAndLineAndExitsOne() async throws {
        let result = try await BusbarBinary.run(["policy", "check", Self.badDepot])
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                fixture priority: \(Self.fixtures)/policies/bad/priority.lua:6: 'then' expected near 'return'
                1 policy error

                """)
        #expect(result.stdout.contains("defaults priority: ok"))
    }

    // MARK: test

    @Test func testRunsTheCaseTableAndExitsTwoOnAFailedCase() async throws {
        let result = try await BusbarBinary.run(["policy", "test", "\(Self.fixtures)/policies/ok"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stdout == """
                \(Self.fixtures)/policies/ok/priority_test.yaml
                  ✔ the bus leaving within the hour first
                  ✔ later that night the second bus leaves soon too
                  ✘ a wrong expectation fails (\(Self.fixtures)/policies/ok/priority_test.yaml:17): result[2].priority: expected 3, got 2
                2 passed, 1 failed

                """)
    }

    @Test func theExampleAndDefaultCasesPass() async throws {
        let result = try await BusbarBinary.run(["policy", "test"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("policies/examples/priority_test.yaml\n  ✔ "))
        #expect(result.stdout.hasSuffix(" passed, 0 failed\n"))
    }

    @Test func testExitsOneWhenThePolicyUnderTestDoesNotCompile() async throws {
        let result = try await BusbarBinary.run(["policy", "test", "\(Self.fixtures)/policies/bad"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(Self.fixtures)/policies/bad/priority.lua:6: 'then' expected near 'return'\n")
        #expect(result.stdout.hasSuffix("0 passed, 0 failed, 1 error\n"))
    }

    @Test(arguments: ["no/such/folder", "Tests/BusbarCLITests/Fixtures/three-mistakes.yaml"])
    func testExitsOneOnAMissingOrInvalidCaseTable(path: String) async throws {
        let result = try await BusbarBinary.run(["policy", "test", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(path))
    }

    // MARK: eval

    @Test func evalPrintsEachSessionsDecisionAndTheReasons() async throws {
        let result = try await BusbarBinary.run(["policy", "eval", "--depot", Self.okDepot, "--domain", "priority", "--state", Self.state])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                depot fixture priority at 2027-01-15T20:00:00Z: decided by policy
                  s1: {"min_kw":50,"priority":3,"reason":"leaves within 2 h"}
                  s2: {"priority":2,"reason":"fleet"}
                  s3: {"priority":1}
                  reason: leaves within 2 h
                  reason: fleet

                """)
    }

    @Test func evalExplainAddsTraceLogAndExecutedLines() async throws {
        let result = try await BusbarBinary.run([
            "policy", "eval", "--depot", Self.okDepot, "--domain", "priority", "--state", Self.state, "--now", "2027-01-15T22:00:00Z",
            "--explain",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let file = "\(Self.fixtures)/policies/ok/priority.lua"
        #expect(result.stdout.contains("at 2027-01-15T22:00:00Z"))
        #expect(result.stdout.contains("  trace leaves_soon = \"s1\"\n"))
        #expect(result.stdout.contains("  log: sessions\t3\n"))
        #expect(result.stdout.contains("  ran \(file):6 ×4\n"))
        #expect(result.stdout.contains("  ran \(file):8 ×1\n  ran \(file):9 ×2\n  ran \(file):10 ×1\n  ran \(file):11 ×1\n  ran \(file):13 ×1\n"))
        #expect(!result.stdout.contains("\(file):12 "))
    }

    @Test func evalJSONHasStableKeys() async throws {
        let result = try await BusbarBinary.run([
            "policy", "eval", "--depot", Self.okDepot, "--domain", "priority", "--state", Self.state, "--json", "--explain",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "decided_by", "depot", "domain", "error", "executed_lines", "log", "now", "output", "reasons", "revision", "trace",
            ])
        #expect(object["decided_by"] as? String == "policy")
        #expect(object["error"] is NSNull)
        #expect((object["output"] as? [Any])?.count == 3)
        #expect((object["trace"] as? [String: String])?["leaves_soon"] == "s1")
    }

    @Test func evalOfABrokenPolicyExitsOneWithFileAndLine() async throws {
        let result = try await BusbarBinary.run(["policy", "eval", "--depot", Self.badDepot, "--domain", "priority", "--state", Self.state])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(Self.fixtures)/policies/bad/priority.lua:6:"))
    }

    @Test func evalOfAFailingPolicyShowsTheDefaultsDecisionAndExitsOne() async throws {
        let result = try await BusbarBinary.run(["policy", "eval", "--depot", Self.failingDepot, "--domain", "priority", "--state", Self.state])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("depot fixture priority at 2027-01-15T20:00:00Z: decided by default\n"))
        #expect(
            result.stderr
                == "the policy failed, the default decided: \(Self.fixtures)/policies/fail/priority.lua:5: attempt to index a nil value (field 'nothing')\n"
        )
    }

    // MARK: replay

    @Test func replayListsTheDecisionsAChangedPolicyWouldChange() async throws {
        let database = try await Self.recordedDecisions()
        defer { try? FileManager.default.removeItem(at: database.deletingLastPathComponent()) }
        let arguments = ["policy", "replay", "--depot", Self.okDepot, "--db", database.path, "--since", "2027-01-15T00:00:00Z"]

        let unchanged = try await BusbarBinary.run(arguments)
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout == "2 decisions replayed, 0 changed\n")

        let changed = try await BusbarBinary.run(arguments + ["--policies", "\(Self.fixtures)/policies/changed"])
        #expect(changed.status == 2, "\(changed.stderr)")
        let lines = changed.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 5, "\(changed.stdout)")
        #expect(lines[0].hasPrefix("2027-01-15T21:00:00Z priority ") && lines[0].hasSuffix(" (2 sessions)"))
        #expect(lines[1] == #"  recorded (policy): [{"min_kw":50,"priority":3,"reason":"leaves within 2 h"},{"priority":1}]"#)
        #expect(lines[2] == #"  replayed (policy): [{"min_kw":50,"priority":3,"reason":"leaves within 2 h"},{"priority":2}]"#)
        // Only s1 has a departure to plan for, and its tier did not change.
        #expect(lines[3] == "  predicted: peak 150.0 → 150.0 kW; departure SoCs unchanged")
        #expect(lines[4] == "2 decisions replayed, 1 changed")
    }

    @Test func replayPredictsDepartureSoCsAndPeakOfAChangedPriority() async throws {
        // Two buses share a 60 kW hall; the changed policy lifts the public one to the fleet's tier.
        let database = try await Self.recordedDecisions([
            (1_800_043_200, [Self.session("s1", "fleet", departure: 1_800_057_600), Self.session("s9", "public", departure: 1_800_054_000)])
        ])
        defer { try? FileManager.default.removeItem(at: database.deletingLastPathComponent()) }
        let result = try await BusbarBinary.run([
            "policy", "replay", "--depot", "\(Self.fixtures)/depot-tight.yaml", "--db", database.path, "--since", "2027-01-15T00:00:00Z",
            "--policies", "\(Self.fixtures)/policies/changed", "--json",
        ])
        #expect(result.status == 2, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let change = try #require((object["changed"] as? [[String: Any]])?.first)
        let prediction = try #require(change["prediction"] as? [String: Any])
        // Both plans fill the hall: its 60 kW limit is the peak either way.
        #expect(prediction["peak_kw"] as? [String: Double] == ["recorded": 60, "replayed": 60])
        #expect(prediction["departure_soc"] is [Any])
    }

    @Test func replayOfAnotherWindowOrDomainFindsNothing() async throws {
        let database = try await Self.recordedDecisions()
        defer { try? FileManager.default.removeItem(at: database.deletingLastPathComponent()) }
        let base = ["policy", "replay", "--depot", Self.okDepot, "--db", database.path, "--policies", "\(Self.fixtures)/policies/changed"]
        let earlier = try await BusbarBinary.run(base + ["--since", "2027-01-14T00:00:00Z", "--until", "2027-01-15T00:00:00Z", "--json"])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(earlier.stdout.utf8)) as? [String: Any])
        #expect(object["replayed"] as? Int == 0)
        #expect((object["changed"] as? [Any])?.isEmpty == true)
        let otherDomain = try await BusbarBinary.run(base + ["--since", "2027-01-15T00:00:00Z", "--domain", "escalation"])
        #expect(otherDomain.stdout == "0 decisions replayed, 0 changed\n")
    }

    @Test func replayWithAFailingPolicyShowsTheDefaultDecidingAndTheError() async throws {
        let database = try await Self.recordedDecisions()
        defer { try? FileManager.default.removeItem(at: database.deletingLastPathComponent()) }
        let result = try await BusbarBinary.run([
            "policy", "replay", "--depot", Self.failingDepot, "--db", database.path, "--since", "1800000000", "--json",
        ])
        #expect(result.status == 2, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let changed = try #require(object["changed"] as? [[String: Any]])
        #expect(changed.count == 2)
        #expect(changed.allSatisfy { $0["recorded_by"] as? String == "policy" && $0["replayed_by"] as? String == "default" })
        #expect(changed.first?["input"] as? String == "1 session")
        #expect((changed.first?["replayed_error"] as? String)?.hasPrefix("\(Self.fixtures)/policies/fail/priority.lua:5: ") == true)
    }

    @Test func replayWithRevUsesThePoliciesOfThatCommit() async throws {
        let database = try await Self.recordedDecisions()
        let checkout = database.deletingLastPathComponent().appendingPathComponent("checkout")
        defer { try? FileManager.default.removeItem(at: database.deletingLastPathComponent()) }
        let root = BusbarBinary.repositoryRoot.appendingPathComponent(Self.fixtures)
        try FileManager.default.createDirectory(at: checkout.appendingPathComponent("policies"), withIntermediateDirectories: true)
        let depotFile = checkout.appendingPathComponent("depot.yaml")
        let depotText = try String(contentsOf: root.appendingPathComponent("depot-ok.yaml"), encoding: .utf8)
        try depotText.replacingOccurrences(of: "dir: policies/ok", with: "dir: policies").write(to: depotFile, atomically: true, encoding: .utf8)
        let policy = checkout.appendingPathComponent("policies/priority.lua")
        try FileManager.default.copyItem(at: root.appendingPathComponent("policies/ok/priority.lua"), to: policy)
        try Self.git(["init", "-q"], in: checkout)
        try Self.git(["add", "."], in: checkout)
        try Self.git(["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "ok"], in: checkout)
        try FileManager.default.removeItem(at: policy)
        try FileManager.default.copyItem(at: root.appendingPathComponent("policies/changed/priority.lua"), to: policy)
        let arguments = ["policy", "replay", "--depot", depotFile.path, "--db", database.path, "--since", "1800000000"]

        let workingTree = try await BusbarBinary.run(arguments)
        #expect(workingTree.status == 2, "\(workingTree.stderr)")
        let committed = try await BusbarBinary.run(arguments + ["--rev", "HEAD"])
        #expect(committed.status == 0, "\(committed.stderr)")
        #expect(committed.stdout == "2 decisions replayed, 0 changed\n")
        let unknown = try await BusbarBinary.run(arguments + ["--rev", "no-such-rev"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("git ls-tree -r --name-only no-such-rev -- . in "))
    }

    @Test func replayWithoutADatabaseExitsOne() async throws {
        let result = try await BusbarBinary.run(["policy", "replay", "--depot", Self.okDepot, "--db", "no/such.sqlite", "--since", "0"])
        #expect(result.status == 1)
        #expect(result.stderr == "no/such.sqlite: no such database\n")
    }

    /// A temporary database holding two priority decisions of depot `fixture` made by the policy
    /// of `policies/ok`: one fleet session at 20:00 UTC, and at 21:00 UTC a fleet and a public one.
    /// A database with the decisions of the `policies/ok` fixture for these inputs (`now`, session JSON).
    static func recordedDecisions(
        _ inputs: [(Int, [String])] = [
            (1_800_043_200, [session("s1", "fleet", departure: 1_800_046_800)]),
            (1_800_046_800, [session("s1", "fleet", departure: 1_800_050_000), session("s9", "public", departure: nil)]),
        ]
    ) async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("busbar.sqlite")
        let root = BusbarBinary.repositoryRoot
        let revision = try PolicyRevision(
            folder: "\(fixtures)/policies/ok", directory: root.appendingPathComponent("\(fixtures)/policies/ok"), domains: [.priority: "priority.lua"]
        )
        let engine = PolicyEngine(depot: "fixture", defaults: nil)
        try await engine.reload(revision, at: Date(timeIntervalSince1970: 0))
        var records: [PolicyDecisionRecord] = []
        for (now, sessions) in inputs {
            let state = """
                {"ctx": {"now": \(now), "depot": {"id": "fixture", "timezone": "Europe/Berlin", "grid": {"limit_kw": 400}},
                 "tenants": [{"id": "fleet", "class": "fleet", "priority": 10, "settings": {}},
                             {"id": "public", "class": "public", "priority": 0, "settings": {}}],
                 "sessions": [\(sessions.joined(separator: ","))]}}
                """
            let input = try JSONDecoder().decode(SettingValue.self, from: Data(state.utf8))
            records.append(try await PolicyCaseRunner.evaluate(engine, domain: .priority, state: input, now: nil).record)
        }
        try await BusbarStore(try BusbarDatabase.open(path: database.path)).recordDecisions(records)
        return database
    }

    private static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments)")
    }

    private static func session(_ id: String, _ tenant: String, departure: Int?) -> String {
        """
        {"id": "\(id)", "vehicle": {"id": "v-\(id)", "battery_kwh": 400, "max_kw": 150}, "tenant": "\(tenant)",
         "connector": {"charger": "C1", "id": 1, "max_kw": 150}, "soc": 40, "target_soc": 90, "energy_needed_kwh": 200,
         \(departure.map { "\"departure\": \($0)," } ?? "") "reserved": false, "planned": false, "late": false}
        """
    }
}
