/// An operator sharing the depot: a bus company's fleet, or the public. Each tenant sees and acts on
/// only its own vehicles, sessions and reservations.
public struct Tenant: Hashable, Codable, Sendable, Identifiable {
    public let id: TenantID
    public let name: String
    public let tenantClass: TenantClass
    /// The business priority handed to policies; higher is more important.
    public let priority: Int
    /// Where the tenant's vehicles may charge; empty means anywhere.
    public let areas: [AreaID]
    /// A guaranteed share of the connection while the tenant has demand.
    public let powerBudget: Kilowatts?
    public let presystems: [PresystemCredentials]
    public let billing: BillingMode?
    public let policySettings: [String: SettingValue]
    public let recipients: [RecipientGroup]

    public init(
        id: TenantID, name: String, tenantClass: TenantClass, priority: Int, areas: [AreaID] = [],
        powerBudget: Kilowatts? = nil, presystems: [PresystemCredentials] = [], billing: BillingMode? = nil,
        policySettings: [String: SettingValue] = [:], recipients: [RecipientGroup] = []
    ) {
        self.id = id
        self.name = name
        self.tenantClass = tenantClass
        self.priority = priority
        self.areas = areas
        self.powerBudget = powerBudget
        self.presystems = presystems
        self.billing = billing
        self.policySettings = policySettings
        self.recipients = recipients
    }

    /// Whether the tenant's vehicles may charge in an area.
    public func mayCharge(in area: AreaID?) -> Bool {
        areas.isEmpty || area.map(areas.contains) == true
    }
}
