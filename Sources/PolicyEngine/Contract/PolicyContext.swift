import DepotModel
public import Foundation

/// What every policy call sees as `ctx`: the time, the depot and its tenants. Times are Unix
/// seconds in Lua; `now` comes from Busbar's injected clock, never from the policy.
public struct PolicyContext: Codable, Sendable, Hashable {
    public var now: Date
    public var depot: DepotView
    public var tenants: [TenantView]

    public init(now: Date, depot: DepotView, tenants: [TenantView]) {
        self.now = now
        self.depot = depot
        self.tenants = tenants
    }
}
