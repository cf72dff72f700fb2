import DepotModel
import Yams

extension DepotFileReader {
    static let tenantKeys: Set<String> = [
        "id", "name", "class", "priority", "areas", "power_budget_kw", "upstream", "billing", "policy_settings", "recipients",
    ]

    mutating func readTenants(_ node: ConfigNode, connection: Kilowatts?) {
        guard let items = node.sequence() else { return }
        if items.isEmpty { node.report("a depot needs at least one tenant") }
        for item in items { readTenant(item) }
        if let connection {
            let guaranteed = tenants.compactMap(\.powerBudget).sum()
            if guaranteed > connection {
                node.report("guaranteed power budgets add up to \(guaranteed), above grid.connection_kw (\(connection))")
            }
        }
        let presystems = tenants.flatMap(\.presystems)
        for (index, presystem) in presystems.enumerated()
        where presystems[..<index].contains(where: { $0.presystemID == presystem.presystemID || $0.username == presystem.username }) {
            node.report("presystem \(presystem.presystemID) (user \(presystem.username)) is configured twice; each presystem belongs to one tenant")
        }
    }

    private mutating func readTenant(_ node: ConfigNode) {
        guard let map = node.mapping(keys: Self.tenantKeys) else { return }
        var id: TenantID?
        if let idNode = map.required("id"), let value: TenantID = idNode.identifier(),
            checkUnique(value, among: tenants.map(\.id), what: "tenant", at: idNode)
        {
            id = value
        }
        let name = map.optional("name")?.string()
        let tenantClass = map.required("class")?.oneOf(TenantClass.self)
        let priority = map.required("priority")?.integer(in: 0...1000)
        let tenantAreas = map.optional("areas")?.sequence()?.compactMap { reference($0, in: areas.map(\.id), what: "area") } ?? []
        let budget = map.optional("power_budget_kw")?.kilowatts()
        let presystems = map.optional("upstream").map(readUpstream) ?? []
        let billing = map.optional("billing").flatMap(readBilling)
        let settings = map.optional("policy_settings").flatMap(readSettingsTable) ?? [:]
        let recipients = map.optional("recipients").map(readRecipients) ?? []
        guard let id, let tenantClass, let priority else { return }
        tenants.append(
            Tenant(
                id: id, name: name ?? id.rawValue, tenantClass: tenantClass, priority: priority, areas: tenantAreas,
                powerBudget: budget, presystems: presystems, billing: billing, policySettings: settings, recipients: recipients
            ))
    }

    private func readUpstream(_ node: ConfigNode) -> [PresystemCredentials] {
        guard let map = node.mapping(keys: ["vdv463"]), let vdvNode = map.required("vdv463") else { return [] }
        // One presystem as a mapping, or several (BMS and ITCS) as a list.
        let items: [ConfigNode]
        if vdvNode.isList { items = vdvNode.sequence() ?? [] } else { items = [vdvNode] }
        return items.compactMap { item in
            guard let presystem = item.mapping(keys: ConfigMapping.secretKeys("password").union(["presystem_id", "username"])) else { return nil }
            let presystemID = presystem.required("presystem_id")?.string()
            let username = presystem.required("username")?.string()
            let password = presystem.secret("password", required: true)
            guard let presystemID, let username, let password else { return nil }
            return PresystemCredentials(presystemID: presystemID, username: username, password: password)
        }
    }

    private func readBilling(_ node: ConfigNode) -> BillingMode? {
        guard let map = node.mapping(keys: ["mode", "price_per_kwh"]), let modeNode = map.required("mode"), let mode = modeNode.string() else {
            return nil
        }
        switch mode {
        case "contract":
            guard let priceNode = map.required("price_per_kwh"), let price = priceNode.number() else { return nil }
            guard price >= 0 else {
                priceNode.report("must be ≥ 0")
                return nil
            }
            return .contract(pricePerKilowattHour: price)
        case "cost":
            map.optional("price_per_kwh")?.report("billing mode cost passes block prices through; remove price_per_kwh")
            return .passThrough
        default:
            modeNode.report("must be one of contract, cost; found \"\(mode)\"")
            return nil
        }
    }

    private func readRecipients(_ node: ConfigNode) -> [RecipientGroup] {
        guard let groups = node.freeMapping() else { return [] }
        return groups.compactMap { group in
            guard let map = group.value.mapping(keys: ["email", "sms"]) else { return nil }
            let emails = (map.optional("email")?.sequence() ?? []).compactMap { item -> String? in
                guard let text = item.string() else { return nil }
                guard text.contains("@") else {
                    item.report("not an email address: \(text)")
                    return nil
                }
                return text
            }
            let phones = (map.optional("sms")?.sequence() ?? []).compactMap { item -> String? in
                guard let text = item.string() else { return nil }
                guard text.first == "+", text.count >= 8, text.dropFirst().allSatisfy(\.isNumber) else {
                    item.report("write phone numbers internationally, e.g. +4940123456")
                    return nil
                }
                return text
            }
            return RecipientGroup(name: group.key, emails: emails, phoneNumbers: phones)
        }
    }

    /// `policy_settings` is free-form: any YAML becomes a `SettingValue` tree for the policies.
    func readSettingsTable(_ node: ConfigNode) -> [String: SettingValue]? {
        guard let entries = node.freeMapping() else { return nil }
        var table: [String: SettingValue] = [:]
        for (key, value) in entries { table[key] = settingValue(value) }
        return table
    }

    private func settingValue(_ node: ConfigNode) -> SettingValue {
        switch node.node {
        case .mapping: return .table(readSettingsTable(node) ?? [:])
        case .sequence: return .list((node.sequence() ?? []).map(settingValue))
        default:
            switch node.tag {
            case .bool: return .bool(node.node.bool ?? false)
            case .int, .float: return .number(node.node.float ?? 0)
            default: return .string(node.node.string ?? "")
            }
        }
    }
}
