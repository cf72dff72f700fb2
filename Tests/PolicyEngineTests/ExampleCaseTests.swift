import DepotConfig
import DepotModel
import Foundation
import PolicyEngine
import Testing

@Suite("Example policies and their case tables")
struct ExampleCaseTests {
    static let examples = Fixtures.repository.appendingPathComponent("policies/examples")

    static var tables: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix("_test.yaml") }.sorted()
    }

    @Test func everyDomainHasAnExampleTable() {
        #expect(Self.tables == PolicyDomain.allCases.map { "\($0.rawValue)_test.yaml" }.sorted())
    }

    @Test(arguments: tables)
    func casesPass(table: String) async throws {
        let revision = try PolicyRevision(folder: "policies/examples", directory: Self.examples)
        #expect(PolicyEngine.check(revision) == nil)
        let cases = try PolicyCaseLoader.load(Self.examples.appendingPathComponent(table))
        #expect(!cases.isEmpty)
        for testCase in cases {
            let result = await PolicyCaseRunner.run(testCase, revision: revision)
            #expect(result.passed, "\(result.source) \(result.name): \(result.failures)")
        }
    }

    @Test func aWrongExpectationFailsWithThePath() async throws {
        let revision = try PolicyRevision(folder: "policies/examples", directory: Self.examples)
        var testCase = try #require(try PolicyCaseLoader.load(Self.examples.appendingPathComponent("priority_test.yaml")).first)
        testCase.expect = .list([.table(["priority": .number(3)]), .table([:]), .table(["reason": .string("fleet")])])
        let result = await PolicyCaseRunner.run(testCase, revision: revision)
        #expect(result.failures == [#"result[1].priority: expected 3, got 4"#, #"result[3].reason: expected "fleet", got "public""#])
    }

    @Test func aFailingPolicyFailsTheCaseWithFileAndLine() async throws {
        let revision = PolicyRevision(
            folder: "policies/nord", files: ["priority.lua": "local M = {}\nfunction M.priority(ctx)\n  return ctx.nothing.here\nend\nreturn M\n"],
            domains: [:])
        let testCase = PolicyTestCase(
            name: "broken", domain: .priority, policy: "priority.lua",
            state: .table([
                "ctx": .table([
                    "now": .number(0),
                    "depot": .table(["id": .string("nord"), "timezone": .string("UTC"), "grid": .table(["limit_kw": .number(100)])]),
                    "tenants": .list([]), "sessions": .list([]),
                ])
            ]),
            expect: .list([]), source: "inline")
        let result = await PolicyCaseRunner.run(testCase, revision: revision)
        #expect(result.failures.first?.hasPrefix("policies/nord/priority.lua:3: attempt to index a nil value") == true)
    }

    @Test func evaluateWithExplainReturnsTracesAndExecutedLines() async throws {
        let revision = try PolicyRevision(folder: "policies/examples", directory: Self.examples)
        let engine = PolicyEngine(depot: "nord", defaults: nil)
        try await engine.reload(revision, at: Fixtures.now)
        let testCase = try #require(try PolicyCaseLoader.load(Self.examples.appendingPathComponent("priority_test.yaml")).first)
        let evaluation = try await PolicyCaseRunner.evaluate(engine, domain: .priority, state: testCase.state, now: nil, explain: true)
        #expect(evaluation.trace.map(\.name) == ["s1", "s2", "s3"])
        #expect(evaluation.trace.last?.value == "null")  // s3 has no departure
        #expect(evaluation.executedLines["policies/examples/priority.lua:17"] == 3)
        #expect(evaluation.executedLines["policies/examples/priority.lua:18"] == 1)
        #expect(evaluation.output.hasPrefix(#"[{"min_kw":50,"priority":4"#))
    }
}
