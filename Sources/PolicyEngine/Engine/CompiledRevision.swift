import DepotModel

/// A revision compiled into its own sandbox, with each domain's module shape-checked. Owned by
/// the `PolicyEngine` actor; rebuilt from the same texts after a budget or memory error.
final class CompiledRevision {
    let revision: PolicyRevision
    private(set) var sandbox: LuaSandbox
    /// The non-function fields of each domain's module (`M.strictness`, `M.departure_reminders`).
    let settings: [PolicyDomain: LuaFields]

    /// The function each domain's module must define; enforcement needs one per handled event.
    static func requiredFunctions(of domain: PolicyDomain) -> [String] {
        switch domain {
        case .priority: ["priority"]
        case .preconditioning: ["plan"]
        case .escalation: ["on_event"]
        case .enforcement: []
        }
    }

    /// Compiles every file as text and checks each domain's module returns a table with the
    /// domain's function and well-typed settings.
    init(_ revision: PolicyRevision) throws(PolicyError) {
        self.revision = revision
        sandbox = try Self.compile(revision)
        var settings: [PolicyDomain: LuaFields] = [:]
        for (domain, path) in revision.domains {
            settings[domain] = try Self.check(domain: domain, path: path, revision: revision, sandbox: sandbox)
        }
        self.settings = settings
    }

    /// Replaces a state that hit its budget or memory cap (docs/reliability.md §3: poisoned).
    func rebuild() {
        if let fresh = try? Self.compile(revision) { sandbox = fresh }
    }

    private static func compile(_ revision: PolicyRevision) throws(PolicyError) -> LuaSandbox {
        guard let sandbox = LuaSandbox(budget: revision.budget) else {
            throw PolicyError(kind: .memory, file: nil, line: nil, detail: "cannot open a Lua state")
        }
        for path in revision.files.keys.sorted() {
            if let message = sandbox.compile(path: path, chunkName: "@\(revision.folder)/\(path)", text: revision.files[path]!) {
                throw PolicyError(kind: .compile, luaMessage: message)
            }
        }
        for (domain, path) in revision.domains where revision.files[path] == nil {
            throw PolicyError(kind: .compile, file: "\(revision.folder)/\(path)", line: nil, detail: "no such file for \(domain.rawValue)")
        }
        return sandbox
    }

    private static func check(
        domain: PolicyDomain, path: String, revision: PolicyRevision, sandbox: LuaSandbox
    ) throws(PolicyError)
        -> LuaFields
    {
        let file = "\(revision.folder)/\(path)"
        let result = sandbox.call(
            path: path, function: "", explain: false, pushArguments: { _ in 0 }, read: { LuaReader(state: $0).value(at: -1) })
        guard case .returned(.table(_, let fields)) = result.outcome else {
            if case .failed(let kind, let message) = result.outcome {
                throw PolicyError(kind: kind == .runtime ? .compile : kind, luaMessage: message)
            }
            throw PolicyError(kind: .compile, file: file, line: nil, detail: "the file must return a table of functions")
        }
        for name in requiredFunctions(of: domain) where fields[name] != .opaque("function") {
            throw PolicyError(kind: .compile, file: file, line: nil, detail: "\(domain.rawValue) policy must define function M.\(name)")
        }
        if domain == .enforcement, !EnforcementEvent.Kind.allCases.contains(where: { fields[$0.rawValue] == .opaque("function") }) {
            throw PolicyError(kind: .compile, file: file, line: nil, detail: "enforcement policy defines no event function")
        }
        let reader = OutputReader(file: file, line: nil)
        do {
            switch domain {
            case .enforcement:
                let _: Strictness? = try reader.choice(fields["strictness"], at: "M.strictness")
                _ = try reader.number(fields["buffer_minutes"], at: "M.buffer_minutes")
                _ = try reader.number(fields["no_show_grace_minutes"], at: "M.no_show_grace_minutes")
            case .escalation:
                if let reminders = fields["departure_reminders"] {
                    for (offset, item) in try reader.sequence(reminders, at: "M.departure_reminders").enumerated() {
                        _ = try reader.required(
                            try reader.integer(item, at: "M.departure_reminders[\(offset + 1)]"),
                            at: "M.departure_reminders[\(offset + 1)]", "seconds")
                    }
                }
            case .priority, .preconditioning: break
            }
        } catch let error as PolicyError {
            throw error
        } catch {
            throw PolicyError(kind: .compile, file: file, line: nil, detail: "\(error)")
        }
        return fields.filter { $0.value != .opaque("function") }
    }

    /// `M.strictness` values of an enforcement policy.
    enum Strictness: String, CaseIterable {
        case strict, soft
    }
}
