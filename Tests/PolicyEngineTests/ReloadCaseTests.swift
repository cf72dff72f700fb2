import DepotConfig
import DepotModel
import Foundation
import PolicyEngine
import Testing

/// A reload runs the revision's case tables on the side and swaps only when all pass.
@Suite("Reload runs the case tables")
struct ReloadCaseTests {
    static let examples = Fixtures.repository.appendingPathComponent("policies/examples")
    static let table = examples.appendingPathComponent("priority_test.yaml")

    static func examplesRevision(priority: String? = nil) throws -> PolicyRevision {
        let revision = try PolicyRevision(folder: "policies/examples", directory: examples)
        guard let priority else { return revision }
        return PolicyRevision(
            folder: revision.folder, files: revision.files.merging(["priority.lua": priority]) { _, new in new }, domains: revision.domains,
            budget: revision.budget)
    }

    @Test func passingCasesSwapTheRevisionIn() async throws {
        let engine = PolicyEngine(depot: "nord", defaults: try Fixtures.defaults)
        let revision = try Self.examplesRevision()
        try await engine.reload(revision, cases: try PolicyCaseLoader.load(Self.table), at: Fixtures.now)
        let status = await engine.status
        #expect(status.activeRevision == revision.hash)
        #expect(status.lastReloadError == nil)
    }

    @Test func aFailingCaseKeepsTheLastGoodRevisionAndNamesTheCase() async throws {
        let engine = PolicyEngine(depot: "nord", defaults: try Fixtures.defaults)
        let good = try Self.examplesRevision()
        let cases = try PolicyCaseLoader.load(Self.table)
        try await engine.reload(good, cases: cases, at: Fixtures.now)

        let wrong = try Self.examplesRevision(priority: Fixtures.constantPriority(tier: 1, reason: "flat"))
        let error = await #expect(throws: PolicyError.self) {
            try await engine.reload(wrong, cases: cases, at: Fixtures.now.addingTimeInterval(60))
        }
        let first = try #require(cases.first)
        #expect(error?.kind == .failedCase)
        #expect(error?.file == Self.table.path)
        #expect(error.map { "\($0.file ?? ""):\($0.line ?? 0)" } == first.source)
        #expect(error?.message.hasPrefix("\(first.source): case \"\(first.name)\": result[1].min_kw: expected 50, got nil; ") == true)
        #expect(error?.message.contains("result[1].priority: expected 4, got 1") == true)

        let status = await engine.status
        #expect(status.activeRevision == good.hash)
        #expect(status.since == Fixtures.now)
        #expect(status.lastReloadError == error)
        // The last good revision still decides.
        #expect(await engine.priority(Fixtures.priorityContext(sessions: 2)).record.decidedBy == .policy)
    }
}
