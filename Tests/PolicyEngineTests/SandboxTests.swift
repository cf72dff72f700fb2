import DepotModel
import Foundation
import PolicyEngine
import Testing

@Suite("Lua sandbox")
struct SandboxTests {
    private func evaluate(_ body: String, sessions: Int = 2, budget: PolicyBudget = .standard) async throws -> PolicyOutcome<[PriorityDecision]> {
        let text = "local M = {}\nfunction M.priority(ctx)\n\(body)\nend\nreturn M\n"
        let engine = try await Fixtures.engine(Fixtures.revision(priority: text, budget: budget))
        return await engine.priority(Fixtures.priorityContext(sessions: sessions))
    }

    @Test func policyDecidesWithItsOwnTiers() async throws {
        let outcome = try await evaluate("local out = {} for i, s in ipairs(ctx.sessions) do out[i] = i end return out")
        #expect(outcome.value.map(\.tier) == [1, 2])
        #expect(outcome.record.decidedBy == .policy)
        #expect(outcome.record.error == nil)
        #expect(outcome.alert == nil)
    }

    @Test func globalsCannotBeSet() async throws {
        let outcome = try await evaluate("counter = 1 return {1, 1}")
        #expect(outcome.record.decidedBy == .defaultPolicy)
        #expect(outcome.record.error == "policies/nord/priority.lua:3: policies cannot set globals")
    }

    @Test func budgetIsStickyThroughPcall() async throws {
        let outcome = try await evaluate("pcall(function() while true do end end) return {1, 1}")
        let alert = try #require(outcome.alert)
        #expect(alert.error.kind == .budget)
        #expect(alert.error.file == "policies/nord/priority.lua")
        #expect(outcome.record.instructions <= PolicyBudget.standard.instructions + 1_000)
    }

    @Test func memoryCapStopsAStringBomb() async throws {
        let outcome = try await evaluate("local s = string.rep('x', 1 << 30) return {1, 1}")
        #expect(outcome.alert?.error.kind == .memory)
        #expect(outcome.record.memoryBytes <= 32 << 20)
    }

    @Test func memoryErrorIsStickyThroughPcall() async throws {
        let outcome = try await evaluate(
            "pcall(function() local t = {} for i = 1, 1e9 do t[i] = string.rep('y', 1 << 20) .. i end end) return {1, 1}")
        #expect(outcome.alert?.error.kind == .memory)
    }

    @Test func heavyPatternIsRefused() async throws {
        let outcome = try await evaluate("string.find(string.rep('a', 3000), '(.-)(.-)(.-)b') return {1, 1}")
        #expect(outcome.alert?.error.kind == .runtime)
        #expect(outcome.record.error?.contains("priority.lua:3: pattern too costly") == true)
    }

    @Test func plainFindIsNotLimited() async throws {
        let outcome = try await evaluate("local i = string.find(string.rep('a', 100000) .. '.-', '.-', 1, true) return {i, 1}")
        #expect(outcome.value.first?.tier == 100_001)
    }

    @Test(arguments: [
        ("05:30", 1_800_073_800.0),  // 05:30 CET is past at 09:00 CET: the next day, 04:30 UTC
        ("09:00", 1_800_000_000.0),  // now exactly
        ("23:15", 1_800_051_300.0),  // 22:15 UTC
    ])
    func timeAtFindsTheNextLocalOccurrence(text: String, expected: Double) async throws {
        let outcome = try await evaluate("return { time.at(ctx, '\(text)') - ctx.now, 1 }")
        #expect(outcome.value.first?.tier == Int(expected - Fixtures.now.timeIntervalSince1970))
    }

    @Test func timeAtHandlesTheSpringForwardGap() async throws {
        // 2027-03-28 00:00 UTC = 01:00 CET; 02:30 local does not exist and moves to 03:30 CEST (01:30 UTC).
        var context = Fixtures.priorityContext(sessions: 2)
        context.now = Date(timeIntervalSince1970: 1_806_192_000)
        let engine = try await Fixtures.engine(
            Fixtures.revision(
                priority:
                    "local M = {} function M.priority(ctx) return { time.at(ctx, '02:30') - ctx.now, time.at(ctx, '04:00') - ctx.now } end return M"))
        let outcome = await engine.priority(context)
        #expect(outcome.value.map(\.tier) == [5_400, 2 * 3600])  // 04:00 CEST is 02:00 UTC
    }

    @Test func requireLoadsOnlyFilesOfTheFolder() async throws {
        let revision = Fixtures.revision(
            priority: "local tiers = require('lib.tiers') local M = {} function M.priority(ctx) return { tiers.high, tiers.high } end return M",
            extra: ["lib/tiers.lua": "return { high = 7 }"])
        let outcome = await (try await Fixtures.engine(revision)).priority(Fixtures.priorityContext(sessions: 2))
        #expect(outcome.value.map(\.tier) == [7, 7])
    }

    @Test func logAndTraceAreRecordedAndCapped() async throws {
        let outcome = try await evaluate(
            "for i = 1, 500 do log('line', i, string.rep('z', 1000)) end trace('count', #ctx.sessions) trace('depot', ctx.depot.id) return {1, 1}")
        #expect(outcome.log.count == 100)
        #expect(outcome.log.allSatisfy { $0.utf8.count <= 512 })
        #expect(outcome.trace == [PolicyTraceEntry(name: "count", value: "2"), PolicyTraceEntry(name: "depot", value: "\"nord\"")])
        #expect(outcome.record.trace == #"{"count":"2","depot":"\"nord\""}"#)
    }

    @Test func explainRecordsExecutedLines() async throws {
        let engine = try await Fixtures.engine(
            Fixtures.revision(priority: "local M = {}\nfunction M.priority(ctx)\n  return {1, 1}\nend\nreturn M\n"))
        let outcome = await engine.priority(Fixtures.priorityContext(sessions: 2), explain: true)
        #expect(outcome.executedLines["policies/nord/priority.lua:3"] == 1)
        let quiet = await engine.priority(Fixtures.priorityContext(sessions: 2))
        #expect(quiet.executedLines.isEmpty)
    }

    @Test func inputsArePushedAsContractViews() async throws {
        let outcome = try await evaluate(
            """
            local s = ctx.sessions[2]
            assert(s.tenant.class == "fleet" and s.tenant.settings.strictness == "strict")
            assert(s.vehicle.battery_kwh == 400 and s.connector.max_kw == 120 and s.connector.charger == "C0")
            assert(s.departure - ctx.now == 2 * 3600 and s.planned == false)
            assert(ctx.depot.grid.block.name == "night" and ctx.tenants.public.class == "public")
            return {1, math.type(ctx.now) == "integer" and 1 or 0}
            """)
        #expect(outcome.record.error == nil)
        #expect(outcome.value.map(\.tier) == [1, 1])
    }
}
