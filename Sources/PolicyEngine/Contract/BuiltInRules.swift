import DepotModel

/// The fixed Swift rules that decide when both the operator's policy and the default Lua failed
/// (docs/reliability.md §3): priority by class (the solver then serves least slack first within a
/// tier), enforcement `warn`, no pre-conditioning change, no notifications.
enum BuiltInRules {
    static func priority(_ context: PriorityContext) -> [PriorityDecision] {
        let classes = Dictionary(context.tenants.map { ($0.id, $0.class) }, uniquingKeysWith: { first, _ in first })
        return context.sessions.map { session in
            classes[session.tenant] == .fleet
                ? PriorityDecision(tier: 2, reason: "built-in rule: fleet")
                : PriorityDecision(tier: 1, reason: "built-in rule: public")
        }
    }

    static let enforcement = EnforcementAction(action: .warn, reason: "built-in rule: warn")
}
