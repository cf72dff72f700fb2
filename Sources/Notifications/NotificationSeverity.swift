/// How urgent a notification is; escalation ladders and dashboards sort by it.
public enum NotificationSeverity: String, Hashable, Codable, Sendable, CaseIterable, Comparable {
    case info
    case warning
    case critical

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
