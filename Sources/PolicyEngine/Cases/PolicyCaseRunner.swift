public import DepotModel
public import Foundation

/// Runs policy test cases against a revision (`busbar policy test`, and the checks before a
/// reload). A case passes when the policy itself decides (no fallback) and its result matches the
/// expectation partially.
public enum PolicyCaseRunner {
    /// - Parameters:
    ///   - testCase: the parsed case; its `policy` names the file of `revision` under test.
    ///   - revision: the policy folder's files and budgets.
    public static func run(_ testCase: PolicyTestCase, revision: PolicyRevision) async -> PolicyCaseResult {
        func result(_ failures: [String]) -> PolicyCaseResult {
            PolicyCaseResult(name: testCase.name, source: testCase.source, failures: failures)
        }
        let underTest = PolicyRevision(
            folder: revision.folder, files: revision.files, domains: [testCase.domain: testCase.policy], budget: revision.budget)
        let engine = PolicyEngine(depot: "test", defaults: nil)
        do {
            try await engine.reload(underTest, at: Date(timeIntervalSince1970: 0))
        } catch {
            return result([error.message])
        }
        var state = testCase.state
        if let overrides = testCase.overrides { state = state.merging(overrides) }
        let evaluation: PolicyEvaluation
        do {
            evaluation = try await evaluate(engine, domain: testCase.domain, state: state, now: testCase.now)
        } catch {
            return result(["state: \(error)"])
        }
        if let error = evaluation.record.error { return result([error]) }
        if evaluation.record.fallback { return result(["the policy defines no function for this call"]) }
        let actual = try? JSONDecoder().decode(SettingValue.self, from: Data(evaluation.output.utf8))
        return result(Self.compare(expected: testCase.expect, actual: actual, path: "result"))
    }

    /// Evaluates one domain against a state tree `{ctx = …, ev = …}` (also for `busbar policy eval`
    /// and `--explain`, which records the executed lines).
    public static func evaluate(
        _ engine: PolicyEngine, domain: PolicyDomain, state: SettingValue, now: Date?, explain: Bool = false
    )
        async throws -> PolicyEvaluation
    {
        let data = try JSONEncoder().encode(state)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .secondsSince1970
        switch domain {
        case .priority:
            var input = try decoder.decode(Input<PriorityContext, String>.self, from: data)
            if let now { input.ctx.now = now }
            let outcome = await engine.priority(input.ctx, explain: explain)
            return PolicyEvaluation(outcome)
        case .enforcement:
            var input = try decoder.decode(Input<PolicyContext, EnforcementEvent>.self, from: data)
            if let now { input.ctx.now = now }
            let outcome = await engine.enforcement(input.ctx, event: try input.event(), explain: explain)
            return PolicyEvaluation(outcome)
        case .preconditioning:
            var input = try decoder.decode(Input<PolicyContext, PreconditioningVehicleView>.self, from: data)
            if let now { input.ctx.now = now }
            let outcome = await engine.preconditioning(input.ctx, vehicle: try input.event(), explain: explain)
            return PolicyEvaluation(outcome)
        case .escalation:
            var input = try decoder.decode(Input<PolicyContext, OperationalEvent>.self, from: data)
            if let now { input.ctx.now = now }
            let outcome = await engine.escalation(input.ctx, event: try input.event(), explain: explain)
            return PolicyEvaluation(outcome)
        }
    }

    /// The shape of a state: the context and, except for priority, the event.
    private struct Input<Context: Decodable, Event: Decodable>: Decodable {
        var ctx: Context
        var ev: Event?

        func event() throws -> Event {
            guard let ev else { throw DecodingError.valueNotFound(Event.self, .init(codingPath: [], debugDescription: "state has no ev")) }
            return ev
        }
    }

    /// Partial comparison: tables check only the expected keys, lists must have the expected
    /// length and match item by item, numbers compare as numbers.
    static func compare(expected: SettingValue?, actual: SettingValue?, path: String) -> [String] {
        switch (expected, actual) {
        case (nil, nil): return []
        case (.table(let wanted)?, .table(let got)?):
            return wanted.keys.sorted().flatMap { key in compare(expected: wanted[key], actual: got[key], path: "\(path).\(key)") }
        case (.list(let wanted)?, .list(let got)?) where wanted.count == got.count:
            return zip(wanted, got).enumerated().flatMap { offset, pair in compare(expected: pair.0, actual: pair.1, path: "\(path)[\(offset + 1)]") }
        case (.list(let wanted)?, .list(let got)?):
            return ["\(path): expected \(wanted.count) entries, got \(got.count)"]
        case (.number(let wanted)?, .number(let got)?) where abs(wanted - got) <= 1e-9 * max(1, abs(wanted)):
            return []
        case (let wanted, let got) where wanted == got:
            return []
        case (let wanted, let got):
            return ["\(path): expected \(wanted.map(describe) ?? "nil"), got \(got.map(describe) ?? "nil")"]
        }
    }

    private static func describe(_ value: SettingValue) -> String {
        guard let data = try? JSONEncoder().encode(value) else { return "?" }
        return String(decoding: data, as: UTF8.self)
    }
}
