public import DepotModel

/// A bearer token for the REST API and what it may reach.
public struct APITokenSettings: Hashable, Sendable {
    /// Admin tokens see every tenant; tenant tokens only their tenant's objects.
    public enum Scope: Hashable, Sendable {
        case admin
        case tenant(TenantID)
    }

    public let token: SecretReference
    public let scope: Scope

    public init(token: SecretReference, scope: Scope) {
        self.token = token
        self.scope = scope
    }
}
