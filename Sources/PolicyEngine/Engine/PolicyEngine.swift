public import DepotModel
public import Foundation

/// The policy engine of one depot: one sandboxed Lua state for the active revision and one for the
/// built-in defaults, evaluated one call at a time (docs/reliability.md §3, docs/policy-api.md).
///
/// Each evaluation runs synchronously inside the actor, so it sees exactly one whole revision; a
/// reload compiles and checks the new revision in its own state and swaps it in between two
/// evaluations. A failing policy never blocks a decision: the default Lua decides, and when that
/// fails too a fixed Swift rule does.
public actor PolicyEngine {
    public nonisolated let depot: DepotID
    private var active: CompiledRevision?
    private var since: Date?
    private var lastReloadError: PolicyError?
    /// Counts reload calls, so one that finishes after a later one started does not swap.
    private var reloads = 0
    private let defaults: CompiledRevision?
    /// Why the built-in defaults did not compile, if they did not (the Swift rules decide then).
    private let defaultsError: PolicyError?
    private var health: [PolicyDomain: PolicyDomainHealth]
    /// When the current failure streak of a domain last raised an alert.
    private var alertedAt: [PolicyDomain: Date] = [:]

    /// An evaluation slower than this marks the policy unhealthy until the next reload.
    private let watchdogLimit: Duration
    /// Alerts repeat at most this often while a policy keeps failing.
    public static let alertInterval: TimeInterval = 15 * 60

    /// - Parameters:
    ///   - depot: the depot whose policies this engine runs.
    ///   - defaults: the built-in defaults (`policies/defaults/`); when they do not compile (or
    ///     are nil) the fixed Swift rules decide whenever no policy can.
    ///   - watchdogLimit: an evaluation running longer marks its policy unhealthy and the default
    ///     decides until the next reload (docs/reliability.md §3: 1 s). Checked when the call returns,
    ///     since a running evaluation holds the actor.
    public init(depot: DepotID, defaults: PolicyRevision?, watchdogLimit: Duration = .seconds(1)) {
        self.depot = depot
        self.watchdogLimit = watchdogLimit
        var compiledDefaults: CompiledRevision?
        var defaultsError: PolicyError?
        if let defaults {
            do {
                compiledDefaults = try CompiledRevision(defaults)
            } catch {
                defaultsError = error
            }
        }
        self.defaults = compiledDefaults
        self.defaultsError = defaultsError
        health = Dictionary(uniqueKeysWithValues: PolicyDomain.allCases.map { ($0, PolicyDomainHealth(domain: $0)) })
    }

    /// Compiles and shape-checks a revision without activating it (`busbar policy check`).
    public static func check(_ revision: PolicyRevision) -> PolicyError? {
        do {
            _ = try CompiledRevision(revision)
            return nil
        } catch {
            return error
        }
    }

    /// Compiles and checks `revision` in a new state, runs its case tables on the side, then swaps
    /// it in (docs/policy-api.md "Hot reload"). On failure the last good revision stays active, the
    /// error is kept in `status`, and it is thrown. Evaluations go on with the old revision while
    /// the cases run; when a later reload started meanwhile, this one gives way to it.
    /// - Parameters:
    ///   - cases: the `*_test.yaml` cases of the revision's folder; the first failing one blocks the swap.
    ///   - instant: when the swap happens, shown as `since`.
    public func reload(_ revision: PolicyRevision, cases: [PolicyTestCase] = [], at instant: Date) async throws(PolicyError) {
        reloads += 1
        let ticket = reloads
        let compiled: CompiledRevision
        do {
            compiled = try CompiledRevision(revision)
        } catch {
            lastReloadError = error
            throw error
        }
        for testCase in cases {
            let result = await PolicyCaseRunner.run(testCase, revision: revision)
            guard result.passed else {
                let error = PolicyError(failedCase: result)
                if ticket == reloads { lastReloadError = error }
                throw error
            }
        }
        guard ticket == reloads else { return }
        active = compiled
        since = instant
        lastReloadError = nil
        health = Dictionary(uniqueKeysWithValues: PolicyDomain.allCases.map { ($0, PolicyDomainHealth(domain: $0)) })
        alertedAt = [:]
    }

    /// The active revision, the last reload error and each domain's health.
    public var status: PolicyStatus {
        PolicyStatus(
            activeRevision: active?.revision.hash, since: since, lastReloadError: lastReloadError, defaultsError: defaultsError,
            domains: PolicyDomain.allCases.map { health[$0]! })
    }

    /// The settings of a domain's module (e.g. `departure_reminders`, `strictness`), from the
    /// active revision or else the defaults.
    public func settings(for domain: PolicyDomain) -> [String: SettingValue] {
        let fields = active?.settings[domain] ?? defaults?.settings[domain] ?? LuaFields()
        return fields.compactMapValues(\.settingValue)
    }

    // MARK: - The four domains

    /// Tiers, minimums and caps for all sessions, in the order of `context.sessions`.
    public func priority(_ context: PriorityContext, explain: Bool = false) -> PolicyOutcome<[PriorityDecision]> {
        evaluate(
            domain: .priority, function: "priority", now: context.now, explain: explain,
            input: Snapshot(ctx: context, ev: nil as String?),
            push: { writer in
                let tenants = writer.pushContext(now: context.now, depot: context.depot, tenants: context.tenants, sessions: context.sessions)
                writer.remove(at: tenants)
                return 1
            },
            decode: { value, reader in try PolicyResults.priority(value, sessions: context.sessions, reader: reader) },
            fastDecode: { state in PolicyResults.priority(state, sessions: context.sessions) },
            builtIn: { BuiltInRules.priority(context) },
            reasons: { $0.compactMap(\.reason) })
    }

    /// The action for one enforcement event (`M[ev.kind](ctx, ev)`).
    public func enforcement(_ context: PolicyContext, event: EnforcementEvent, explain: Bool = false) -> PolicyOutcome<EnforcementAction> {
        evaluate(
            domain: .enforcement, function: event.kind.rawValue, now: context.now, explain: explain,
            input: Snapshot(ctx: context, ev: event),
            push: { writer in
                let tenants = writer.pushContext(now: context.now, depot: context.depot, tenants: context.tenants, sessions: nil)
                writer.pushEvent(event, tenants: tenants)
                writer.remove(at: tenants)
                return 2
            },
            decode: { value, reader in try PolicyResults.enforcement(value, reader: reader) },
            builtIn: { BuiltInRules.enforcement },
            reasons: { $0.reason.map { [$0] } ?? [] })
    }

    /// The pre-conditioning plan of one vehicle, or nil for none (`M.plan(ctx, v)`).
    public func preconditioning(
        _ context: PolicyContext, vehicle: PreconditioningVehicleView, explain: Bool = false
    )
        -> PolicyOutcome<PreconditioningPlan?>
    {
        evaluate(
            domain: .preconditioning, function: "plan", now: context.now, explain: explain,
            input: Snapshot(ctx: context, ev: vehicle),
            push: { writer in
                let tenants = writer.pushContext(now: context.now, depot: context.depot, tenants: context.tenants, sessions: nil)
                writer.pushVehicle(vehicle, tenants: tenants)
                writer.remove(at: tenants)
                return 2
            },
            decode: { value, reader in try PolicyResults.preconditioning(value, vehicle: vehicle, reader: reader) },
            builtIn: { nil },
            reasons: { $0?.reason.map { [$0] } ?? [] })
    }

    /// The notifications for one operational event (`M.on_event(ctx, ev)`).
    public func escalation(_ context: PolicyContext, event: OperationalEvent, explain: Bool = false) -> PolicyOutcome<[EscalationMessage]> {
        evaluate(
            domain: .escalation, function: "on_event", now: context.now, explain: explain,
            input: Snapshot(ctx: context, ev: event),
            push: { writer in
                let tenants = writer.pushContext(now: context.now, depot: context.depot, tenants: context.tenants, sessions: nil)
                writer.pushEvent(event, tenants: tenants)
                writer.remove(at: tenants)
                return 2
            },
            decode: { value, reader in try PolicyResults.escalation(value, reader: reader) },
            builtIn: { [] },
            reasons: { $0.map(\.text) })
    }

    // MARK: - Evaluation

    /// The inputs of one call, recorded with the names policies see.
    private struct Snapshot<Context: Encodable & Sendable, Event: Encodable & Sendable>: Encodable, Sendable {
        let ctx: Context
        let ev: Event?
    }

    /// A returned value: decoded by a domain's fast path, or read back for the checked decoder.
    private enum Returned<Value> {
        case decoded(Value)
        case value(LuaValue)
    }

    /// What one attempt (operator policy or default) produced.
    private enum Attempt<Value> {
        case decided(Value)
        case missing
        case failed(PolicyError)
    }

    private func evaluate<Value: Sendable & Encodable, Context: Encodable & Sendable, Event: Encodable & Sendable>(
        domain: PolicyDomain, function: String, now: Date, explain: Bool, input: Snapshot<Context, Event>,
        push: (LuaWriter) -> Int32, decode: (LuaValue, OutputReader) throws -> Value,
        fastDecode: ((OpaquePointer) -> Value?)? = nil, builtIn: () -> Value, reasons: (Value) -> [String]
    ) -> PolicyOutcome<Value> {
        let clock = ContinuousClock()
        let started = clock.now
        var calls: [LuaCallResult<Returned<Value>>] = []
        var value: Value?
        var source = PolicyDecisionRecord.Source.policy
        var failure: PolicyError?

        if let active, let path = active.revision.domains[domain], !health[domain]!.disabled {
            let policyStarted = clock.now
            switch attempt(
                active, path: path, function: function, explain: explain, push: push, decode: decode, fastDecode: fastDecode, calls: &calls)
            {
            case .decided(let decided): value = decided
            case .missing: break
            case .failed(let error): failure = error
            }
            if clock.now - policyStarted > watchdogLimit {
                health[domain]!.disabled = true
                failure =
                    failure
                    ?? PolicyError(
                        kind: .watchdog, file: "\(active.revision.folder)/\(path)", line: nil,
                        detail: "evaluation took longer than \(watchdogLimit); the default decides until the next reload")
            }
        } else if let active, active.revision.domains[domain] != nil {
            failure = health[domain]!.lastError
        }
        if value == nil, let defaults, let path = defaults.revision.domains[domain] {
            source = .defaultPolicy
            if case .decided(let decided) = attempt(
                defaults, path: path, function: function, explain: explain, push: push, decode: decode, fastDecode: fastDecode, calls: &calls)
            {
                value = decided
            }
        }
        let decided = value ?? builtIn()
        if value == nil { source = .builtInRule }

        let alert = updateHealth(domain: domain, failure: failure, ranPolicy: active?.revision.domains[domain] != nil, now: now)
        let trace = calls.flatMap(\.trace).map { PolicyTraceEntry(name: $0.0, value: $0.1.jsonText) }
        let draft = PolicyDecisionDraft(
            id: UUID(), depot: depot, domain: domain, revision: active?.revision.hash ?? defaults?.revision.hash ?? "builtin",
            now: now, input: input, reasons: reasons(decided),
            trace: PolicyDecisionDraft.json(Dictionary(trace.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })),
            instructions: calls.map(\.usage.instructions).reduce(0, +),
            memoryBytes: calls.map(\.usage.memoryBytes).max() ?? 0,
            durationMicroseconds: Int((clock.now - started) / .microseconds(1)), decidedBy: source, error: failure?.message)
        return PolicyOutcome(
            value: decided, alert: alert, trace: trace, log: calls.flatMap(\.log),
            executedLines: calls.reduce(into: [:]) { lines, call in lines.merge(call.lines, uniquingKeysWith: +) }, draft: draft)
    }

    private func attempt<Value>(
        _ compiled: CompiledRevision, path: String, function: String, explain: Bool, push: (LuaWriter) -> Int32,
        decode: (LuaValue, OutputReader) throws -> Value, fastDecode: ((OpaquePointer) -> Value?)?,
        calls: inout [LuaCallResult<Returned<Value>>]
    ) -> Attempt<Value> {
        let sandbox = compiled.sandbox
        let call = sandbox.call(path: path, function: function, explain: explain, pushArguments: push) { state -> Returned<Value> in
            // The fast path reads well-formed results straight from the stack; anything else is
            // read back whole so the checked decoder can name the failing path.
            if let value = fastDecode?(state) { return .decoded(value) }
            return .value(LuaReader(state: state).value(at: -1))
        }
        calls.append(call)
        switch call.outcome {
        case .missing:
            return .missing
        case .failed(let kind, let message):
            if kind == .budget || kind == .memory { compiled.rebuild() }
            let error = PolicyError(kind: kind, luaMessage: message)
            // Lua reports "not enough memory" without a position: name the file at least.
            return .failed(
                error.file == nil ? PolicyError(kind: kind, file: "\(compiled.revision.folder)/\(path)", line: nil, detail: error.message) : error)
        case .returned(.decoded(let value)):
            return .decided(value)
        case .returned(.value(let result)):
            let reader = OutputReader(file: "\(compiled.revision.folder)/\(path)", line: sandbox.functionLine)
            do {
                return .decided(try decode(result, reader))
            } catch let error as PolicyError {
                return .failed(error)
            } catch {
                return .failed(PolicyError(kind: .invalidOutput, file: nil, line: nil, detail: "\(error)"))
            }
        }
    }

    /// Counts failures, marks a domain unhealthy after 3 in a row, and decides whether to alert:
    /// on the first failure of a streak, then at most every 15 minutes (policy time).
    private func updateHealth(domain: PolicyDomain, failure: PolicyError?, ranPolicy: Bool, now: Date) -> PolicyAlert? {
        guard ranPolicy else { return nil }
        guard let failure else {
            health[domain]!.consecutiveFailures = 0
            alertedAt[domain] = nil
            return nil
        }
        health[domain]!.consecutiveFailures += 1
        health[domain]!.lastError = failure
        if let last = alertedAt[domain], now.timeIntervalSince(last) < Self.alertInterval { return nil }
        alertedAt[domain] = now
        return PolicyAlert(
            depot: depot, domain: domain, revision: active?.revision.hash ?? "", error: failure,
            consecutiveFailures: health[domain]!.consecutiveFailures, at: now)
    }

}
