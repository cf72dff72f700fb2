import DepotModel

/// Decides whether a token presented at a connector may charge, before the depot runtime's
/// enforcement policy refines it: a fleet vehicle's token is accepted; an unknown token is a public
/// user when the depot has a public tenant, else it is refused.
struct TokenAuthorization: Sendable {
    enum Verdict: Equatable, Sendable {
        case vehicle(Vehicle)
        case publicUser(TenantID)
        case unknown
    }

    let depot: Depot

    func verdict(for token: String) -> Verdict {
        if let vehicle = depot.vehicle(identifiedBy: token) { return .vehicle(vehicle) }
        if let tenant = depot.tenants.first(where: { $0.tenantClass == .public }) { return .publicUser(tenant.id) }
        return .unknown
    }

    func accepts(_ token: String) -> Bool { verdict(for: token) != .unknown }
}
