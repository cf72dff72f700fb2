import DepotModel
import Foundation
import PolicyEngine
import Testing

@Suite("Policy engine")
struct EngineTests {
    @Test func invalidOutputNamesThePath() async throws {
        let text = """
            local M = {}
            function M.priority(ctx)
              return { 1, { priority = "high" } }
            end
            return M
            """
        let engine = try await Fixtures.engine(Fixtures.revision(priority: text))
        let outcome = await engine.priority(Fixtures.priorityContext(sessions: 2))
        #expect(outcome.record.error == "policies/nord/priority.lua:2: result[2].priority: expected integer, got string")
        #expect(outcome.alert?.error.kind == .invalidOutput)
        #expect(outcome.record.decidedBy == .defaultPolicy)
        // The default ranks fleet (s1 departs in 2 h: soon) above public (s0).
        #expect(outcome.value.map(\.tier) == [1, 3])
    }

    @Test func limitsAreClampedToPhysicalBounds() async throws {
        let text =
            "local M = {} function M.priority(ctx) return { { priority = 1, min_kw = 500, max_kw = 90 }, { priority = 1, min_kw = -5 } } end return M"
        let outcome = await (try await Fixtures.engine(Fixtures.revision(priority: text))).priority(Fixtures.priorityContext(sessions: 2))
        #expect(outcome.value[0] == PriorityDecision(tier: 1, minKw: 90, maxKw: 90))
        #expect(outcome.value[1] == PriorityDecision(tier: 1, minKw: 0))
    }

    @Test(arguments: [
        ("{ 2.0, { priority = 3.0, reason = 'r' } }", [PriorityDecision(tier: 2), PriorityDecision(tier: 3, reason: "r")]),
        ("{ { priority = 1, max_kw = 500 }, 4 }", [PriorityDecision(tier: 1, maxKw: 120), PriorityDecision(tier: 4)]),
    ])
    func wellFormedResultsDecodeOnTheFastPath(result: String, expected: [PriorityDecision]) async throws {
        let text = "local M = {} function M.priority(ctx) return \(result) end return M"
        let outcome = await (try await Fixtures.engine(Fixtures.revision(priority: text))).priority(Fixtures.priorityContext(sessions: 2))
        #expect(outcome.value == expected)
        #expect(outcome.record.decidedBy == .policy)
    }

    @Test(arguments: [
        ("{ 1, { priority = 1, reason = 7 } }", "result[2].reason: expected string, got number"),
        ("{ 1, 2.5 }", "result[2]: expected integer, got number"),
        ("{ 1, 2, extra = true }", "result.extra: unexpected key in a list"),
        ("{ 1, { min_kw = 5 } }", "result[2].priority: missing (integer)"),
        ("{ 1, { priority = 1, minkw = 5 } }", "result[2].minkw: unknown field"),
    ])
    func malformedResultsNameThePath(result: String, message: String) async throws {
        let text = "local M = {} function M.priority(ctx) return \(result) end return M"
        let outcome = await (try await Fixtures.engine(Fixtures.revision(priority: text))).priority(Fixtures.priorityContext(sessions: 2))
        #expect(outcome.record.error == "policies/nord/priority.lua:1: \(message)")
        #expect(outcome.record.decidedBy == .defaultPolicy)
    }

    @Test func missingDefaultsFallToTheSwiftRule() async throws {
        let engine = PolicyEngine(depot: "nord", defaults: nil)
        try await engine.reload(Fixtures.revision(priority: "local M = {} function M.priority(ctx) error('boom') end return M"), at: Fixtures.now)
        let outcome = await engine.priority(Fixtures.priorityContext(sessions: 3))
        #expect(outcome.record.decidedBy == .builtInRule)
        #expect(outcome.value.map(\.tier) == [1, 2, 2])
        #expect(outcome.record.error == "policies/nord/priority.lua:1: boom")
    }

    @Test func brokenDefaultsAreReportedAndTheSwiftRuleDecides() async throws {
        let defaults = PolicyRevision(folder: "policies/defaults", files: ["priority.lua": "return 1"], domains: [.priority: "priority.lua"])
        let engine = PolicyEngine(depot: "nord", defaults: defaults)
        #expect(await engine.status.defaultsError?.message == "policies/defaults/priority.lua: the file must return a table of functions, got number")
        #expect(await engine.priority(Fixtures.priorityContext(sessions: 2)).record.decidedBy == .builtInRule)
    }

    @Test func alertsOnFirstFailureThenEveryFifteenMinutes() async throws {
        let engine = try await Fixtures.engine(Fixtures.revision(priority: "local M = {} function M.priority(ctx) error('boom') end return M"))
        var alerts: [Bool] = []
        for minute in [0, 5, 14, 15, 20, 31] {
            var context = Fixtures.priorityContext(sessions: 1)
            context.now = Fixtures.now.addingTimeInterval(Double(minute) * 60)
            alerts.append(await engine.priority(context).alert != nil)
        }
        #expect(alerts == [true, false, false, true, false, true])
        let health = try #require(await engine.status.domains.first { $0.domain == .priority })
        #expect(health.consecutiveFailures == 6)
        #expect(!health.healthy)
        #expect(health.lastError?.message == "policies/nord/priority.lua:1: boom")
    }

    @Test func unhealthyAfterThreeConsecutiveFailuresAndHealthyAgainAfterSuccess() async throws {
        let text = "local M = {} function M.priority(ctx) if #ctx.sessions == 1 then error('one') end return {1, 1} end return M"
        let engine = try await Fixtures.engine(Fixtures.revision(priority: text))
        var healthy: [Bool] = []
        for count in [1, 1, 1, 2] {
            _ = await engine.priority(Fixtures.priorityContext(sessions: count))
            healthy.append(await engine.status.domains.first { $0.domain == .priority }!.healthy)
        }
        #expect(healthy == [true, true, false, true])
    }

    @Test func failedReloadKeepsTheLastGoodRevision() async throws {
        let good = Fixtures.revision(priority: Fixtures.constantPriority(tier: 4, reason: "good"))
        let engine = try await Fixtures.engine(good)
        let broken = Fixtures.revision(priority: "local M = {}\nfunction M.priority(ctx)\n  return {\nend\nreturn M")
        await #expect(throws: PolicyError.self) { try await engine.reload(broken, at: Fixtures.now.addingTimeInterval(60)) }
        let status = await engine.status
        #expect(status.activeRevision == good.hash)
        #expect(status.since == Fixtures.now)
        #expect(status.lastReloadError?.kind == .compile)
        #expect(status.lastReloadError?.file == "policies/nord/priority.lua")
        #expect(status.lastReloadError?.line == 4)
        #expect(await engine.priority(Fixtures.priorityContext(sessions: 1)).value.first?.reason == "good")
    }

    @Test func errorsNameFileAndLineInAnyPolicyFolder() {
        let revision = PolicyRevision(
            folder: "/srv/busbar/site-a", files: ["priority.lua": "local M = {}\nfunction M.priority(ctx)\n  return {\nend\nreturn M"],
            domains: [.priority: "priority.lua"])
        let error = PolicyEngine.check(revision)
        #expect(error?.file == "/srv/busbar/site-a/priority.lua")
        #expect(error?.line == 4)
        #expect(error?.message.hasPrefix("/srv/busbar/site-a/priority.lua:4: ") == true)
    }

    @Test func checkRefusesAModuleWithoutTheDomainFunction() {
        let error = PolicyEngine.check(Fixtures.revision(priority: "return { prio = function() end }"))
        #expect(error?.message == "policies/nord/priority.lua: priority policy must define function M.priority")
    }

    @Test func swapsAreAtomicUnderConcurrentEvaluations() async throws {
        let first = Fixtures.revision(priority: Fixtures.constantPriority(tier: 1, reason: "A"))
        let second = Fixtures.revision(priority: Fixtures.constantPriority(tier: 2, reason: "B"))
        let engine = try await Fixtures.engine(first)
        let expected = [first.hash: (1, "A"), second.hash: (2, "B")]
        let context = Fixtures.priorityContext(sessions: 20)
        let consistent = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<200 {
                group.addTask {
                    if task % 10 == 0 { try? await engine.reload(task % 20 == 0 ? second : first, at: Fixtures.now) }
                    let outcome = await engine.priority(context)
                    guard let (tier, reason) = expected[outcome.record.revision] else { return false }
                    return outcome.value.allSatisfy { $0.tier == tier && $0.reason == reason }
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(consistent)
    }

    @Test func missingEnforcementFunctionUsesTheDefaultWithoutFailure() async throws {
        let revision = PolicyRevision(
            folder: "policies/nord",
            files: ["enforcement.lua": "local M = {} function M.no_show(ctx, ev) return { action = 'terminate' } end return M"],
            domains: [.enforcement: "enforcement.lua"])
        let engine = try await Fixtures.engine(revision)
        let noShow = await engine.enforcement(Fixtures.context, event: EnforcementEvent(kind: .noShow, tenant: "stadtbus"))
        #expect(noShow.value.action == .terminate)
        let wrong = await engine.enforcement(Fixtures.context, event: EnforcementEvent(kind: .wrongVehicle, tenant: "stadtbus"))
        #expect(wrong.value == EnforcementAction(action: .warn, reason: "vehicle is not the one reserved", notify: true))
        #expect(wrong.record.decidedBy == .defaultPolicy)
        #expect(wrong.record.error == nil)
        #expect(wrong.alert == nil)
    }

    @Test func decisionRecordCarriesInputsAndOutputs() async throws {
        let engine = try await Fixtures.engine(Fixtures.revision(priority: Fixtures.constantPriority(tier: 5, reason: "r")))
        let outcome = await engine.priority(Fixtures.priorityContext(sessions: 1))
        let record = outcome.record
        #expect(record.depot == "nord")
        #expect(record.domain == .priority)
        #expect(record.now == Fixtures.now)
        #expect(record.output == #"[{"priority":5,"reason":"r"}]"#)
        #expect(record.reasons == ["r"])
        #expect(record.input.contains(#""energy_needed_kwh":200"#))
        #expect(record.input.contains(#""now":1800000000"#))
        #expect(record.instructions >= 0)
        #expect(record.memoryBytes > 0)
    }

    @Test func watchdogDisablesASlowPolicyUntilTheNextReload() async throws {
        let revision = Fixtures.revision(priority: Fixtures.constantPriority(tier: 9, reason: "slow"))
        let engine = PolicyEngine(depot: "nord", defaults: try Fixtures.defaults, watchdogLimit: .zero)
        try await engine.reload(revision, at: Fixtures.now)
        let first = await engine.priority(Fixtures.priorityContext(sessions: 1))
        #expect(first.value.first?.tier == 9)  // it decided, but took longer than the limit
        #expect(first.alert?.error.kind == .watchdog)
        let health = try #require(await engine.status.domains.first { $0.domain == .priority })
        #expect(health.disabled && !health.healthy)
        let second = await engine.priority(Fixtures.priorityContext(sessions: 1))
        #expect(second.record.decidedBy == .defaultPolicy)
        #expect(second.record.error?.contains("longer than") == true)
        try await engine.reload(revision, at: Fixtures.now)
        #expect(await engine.status.domains.allSatisfy { !$0.disabled })
    }

    @Test func reloadCyclesKeepTheLastGoodRevision() async throws {
        let engine = try await Fixtures.engine()
        let broken = Fixtures.revision(priority: "local M = {")
        for cycle in 0..<300 {
            let good = Fixtures.revision(priority: Fixtures.constantPriority(tier: cycle, reason: "cycle"))
            try await engine.reload(good, at: Fixtures.now)
            await #expect(throws: PolicyError.self) { try await engine.reload(broken, at: Fixtures.now) }
            #expect(await engine.priority(Fixtures.priorityContext(sessions: 1)).value.first?.tier == cycle)
        }
        #expect(await engine.status.lastReloadError?.kind == .compile)
    }
}
