/// What an `enforcement` policy decided for one event.
public struct EnforcementAction: Codable, Sendable, Hashable {
    /// The actions of docs/policy-api.md.
    public enum Action: String, Codable, Sendable, CaseIterable {
        case allow, deny, terminate, warn, hold
    }

    public var action: Action
    public var reason: String?
    /// Whether the tenant's contacts are told.
    public var notify: Bool

    public init(action: Action, reason: String? = nil, notify: Bool = false) {
        self.action = action
        self.reason = reason
        self.notify = notify
    }
}
