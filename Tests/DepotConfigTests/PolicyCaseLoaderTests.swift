import DepotConfig
import DepotModel
import Foundation
import Testing

@Suite("Policy case tables")
struct PolicyCaseLoaderTests {
    private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("policies/examples")

    @Test func loadsCasesWithTheStateFileAndOverrides() throws {
        let cases = try PolicyCaseLoader.load(examples.appendingPathComponent("priority_test.yaml"))
        #expect(cases.map(\.name).count == 3)
        let first = try #require(cases.first)
        #expect(first.domain == .priority)
        #expect(first.policy == "priority.lua")
        #expect(
            first.expect
                == .list([
                    .table(["priority": .number(4), "min_kw": .number(50)]), .table(["priority": .number(2), "reason": .string("fleet")]),
                    .table(["priority": .number(1)]),
                ]))
        guard case .table(let state) = first.state, case .table(let ctx)? = state["ctx"] else {
            Issue.record("no ctx")
            return
        }
        #expect(ctx["now"] == .number(1_800_043_200))
        #expect(cases[1].now == Date(timeIntervalSince1970: 1_800_070_000))
        #expect(cases[2].overrides != nil)
        #expect(first.source.hasSuffix("priority_test.yaml:5"))
    }

    @Test func nullExpectationMeansNoResult() throws {
        let cases = try PolicyCaseLoader.load(examples.appendingPathComponent("preconditioning_test.yaml"))
        #expect(cases.last?.expect == nil)
    }

    @Test func reportsFileLineAndKeyPath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-case-\(UUID().uuidString)_test.yaml")
        try "policy: p.lua\ndomain: pricing\nstate: {}\ncases: []\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            try PolicyCaseLoader.load(file)
        } throws: { error in
            guard let issue = error as? ConfigIssue else { return false }
            return issue.line == 2 && issue.keyPath == "domain" && issue.message.hasPrefix("expected one of priority")
        }
    }
}
