public import DepotModel

/// A tenant as policies see it (`ctx.tenants[id]`, `session.tenant`): its class, its configured
/// priority and the free `policy_settings` table from the depot file.
public struct TenantView: Codable, Sendable, Hashable {
    public var id: TenantID
    public var `class`: TenantClass
    public var priority: Int
    public var settings: [String: SettingValue]

    public init(id: TenantID, class tenantClass: TenantClass, priority: Int = 0, settings: [String: SettingValue] = [:]) {
        self.id = id
        self.class = tenantClass
        self.priority = priority
        self.settings = settings
    }
}
