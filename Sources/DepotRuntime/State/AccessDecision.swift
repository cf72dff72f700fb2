public import DepotModel

/// Whether a token may charge at a connector, decided by the depot and its enforcement policy.
public struct AccessDecision: Hashable, Sendable {
    /// Whether the charger is told the token is valid.
    public let accepted: Bool
    /// The vehicle the token identifies; nil for a public user.
    public let vehicle: VehicleID?
    /// The tenant the session belongs to.
    public let tenant: TenantID?
    /// Why, in words (policy reason or Busbar's rule).
    public let reason: String?

    /// A decision.
    public init(accepted: Bool, vehicle: VehicleID?, tenant: TenantID?, reason: String?) {
        self.accepted = accepted
        self.vehicle = vehicle
        self.tenant = tenant
        self.reason = reason
    }
}
