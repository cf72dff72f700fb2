/// The four judgement calls operators make in Lua (docs/policy-api.md).
public enum PolicyDomain: String, Hashable, Codable, Sendable, CaseIterable {
    /// Who gets power first, guaranteed minimums, caps.
    case priority
    /// What happens when a reservation or access rule is at stake.
    case enforcement
    /// When and how a vehicle pre-conditions before departure.
    case preconditioning
    /// Who is told what, through which channel, when.
    case escalation
}
