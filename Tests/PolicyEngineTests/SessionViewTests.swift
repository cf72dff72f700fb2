import DepotModel
import Foundation
import PolicyEngine
import Testing

/// `ctx.sessions` as a policy sees it, now that the sessions are persistent read-only views whose
/// data is rewritten only where it changed: the documented fields, nothing left over from an
/// earlier call, `pairs` and `next` as on plain tables, and no way to write.
@Suite("Session views")
struct SessionViewTests {
    /// Returns each session's fields as a reason string, so a test can read what the policy saw.
    static let echo = """
        local M = {}
        local function show(v) return v == nil and "nil" or tostring(v) end
        function M.priority(ctx)
          local out = {}
          for i, s in ipairs(ctx.sessions) do
            local keys = 0
            for _ in pairs(s) do keys = keys + 1 end
            local k = next(s)
            while k ~= nil do keys = keys + 100; k = next(s, k) end
            out[i] = { priority = 1, reason = table.concat({ s.id, s.vehicle.id, show(s.vehicle.vin), s.tenant.class,
              s.connector.charger, show(s.connector.bay), show(s.departure), show(s.min_target_soc), show(s.late), show(keys) }, " ") }
          end
          return out
        end
        return M
        """

    @Test func fieldsFollowEachCallIncludingOptionalOnes() async throws {
        let engine = try await Fixtures.engine(Fixtures.revision(priority: Self.echo))
        var first = Fixtures.session(0, tenant: "public", departureIn: 2)
        first.minTargetSoc = 60
        first.connector.bay = "B1"
        first.late = true
        let before = await engine.priority(PriorityContext(now: Fixtures.now, depot: Fixtures.depot, tenants: Fixtures.tenants, sessions: [first]))
        #expect(before.value.map(\.reason) == ["s0 bus-0 WEB0 public C0 B1 1800007200 60.0 true 1515"])
        // The same slot now holds another session without the optional fields.
        var second = Fixtures.session(7, departureIn: nil)
        second.vehicle.vin = nil
        let after = await engine.priority(
            PriorityContext(now: Fixtures.now, depot: Fixtures.depot, tenants: Fixtures.tenants, sessions: [second, Fixtures.session(8)]))
        #expect(
            after.value.map(\.reason) == ["s7 bus-7 nil fleet C3 nil nil nil false 1313", "s8 bus-8 WEB8 fleet C4 nil 1800021600 nil false 1414"])
    }

    @Test func aValueThatChangedBetweenCallsIsSeen() async throws {
        let text = """
            local M = {}
            function M.priority(ctx)
              local out = {}
              for i, s in ipairs(ctx.sessions) do out[i] = { priority = 1, reason = tostring(s.soc) .. " " .. tostring(s.departure) } end
              return out
            end
            return M
            """
        let engine = try await Fixtures.engine(Fixtures.revision(priority: text))
        var context = Fixtures.priorityContext(sessions: 2)
        #expect(await engine.priority(context).value.map(\.reason) == ["40.0 1800003600", "40.0 1800007200"])
        context.sessions[1].soc = 55
        context.sessions[0].departure = nil
        #expect(await engine.priority(context).value.map(\.reason) == ["40.0 nil", "55.0 1800007200"])
    }

    @Test func aTracedSessionShowsItsFields() async throws {
        let text = """
            local M = {}
            function M.priority(ctx)
              trace("first", ctx.sessions[1])
              return { 1 }
            end
            return M
            """
        let outcome = await (try await Fixtures.engine(Fixtures.revision(priority: text))).priority(Fixtures.priorityContext(sessions: 1))
        let traced = try #require(outcome.trace.first { $0.name == "first" }?.value)
        #expect(traced.contains(#""id":"s0""#))
        #expect(traced.contains(#""vehicle":{"#) && traced.contains(#""id":"bus-0""#))
    }

    @Test(arguments: [
        "s.note = 1", "s.soc = 0", "s.vehicle.id = 'x'", "s.connector.id = nil", "s.connector.note = 1", "s.departure = 5",
        "s.tenant = nil",
    ])
    func writesAreRefused(statement: String) async throws {
        let text = """
            local M = {}
            function M.priority(ctx)
              for _, s in ipairs(ctx.sessions) do
                \(statement)
              end
              return { 1, 1 }
            end
            return M
            """
        let engine = try await Fixtures.engine(Fixtures.revision(priority: text))
        var context = Fixtures.priorityContext(sessions: 2)
        context.sessions = context.sessions.map { session in
            var session = session
            session.departure = nil
            return session
        }
        let outcome = await engine.priority(context)
        #expect(outcome.record.decidedBy == .defaultPolicy)
        #expect(outcome.record.error?.hasPrefix("policies/nord/priority.lua:4: ") == true)
        #expect(outcome.record.error?.hasSuffix("policies cannot change ctx.sessions") == true)
    }
}
