import DepotModel

/// Reads the few fields of a policy input (`{ctx = …, ev = …}`) that the CLI shows next to a
/// decision: session ids for priority, and what the call was about for the other domains.
struct PolicyInput {
    let state: SettingValue

    /// `ctx.sessions[i].id`, in order (empty for the domains without sessions).
    var sessionIDs: [String] {
        guard case .list(let sessions)? = field("ctx", "sessions") else { return [] }
        return sessions.map { session in
            if case .table(let fields) = session, case .string(let id)? = fields["id"] { return id }
            return "?"
        }
    }

    /// One line: `3 sessions`, `event no_show`, `vehicle bus-101`.
    func summary(domain: PolicyDomain) -> String {
        switch domain {
        case .priority:
            let count = sessionIDs.count
            return "\(count) session\(count == 1 ? "" : "s")"
        case .enforcement, .escalation:
            guard case .string(let kind)? = field("ev", "kind") else { return "event ?" }
            return "event \(kind)"
        case .preconditioning:
            guard case .string(let vehicle)? = field("ev", "vehicle", "id") else { return "vehicle ?" }
            return "vehicle \(vehicle)"
        }
    }

    private func field(_ path: String...) -> SettingValue? {
        var value: SettingValue? = state
        for key in path {
            guard case .table(let fields)? = value else { return nil }
            value = fields[key]
        }
        return value
    }
}
