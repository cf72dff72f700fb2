import DepotModel
public import Foundation

/// `ctx` of a `priority` call: the common context plus all sessions and planned arrivals.
public struct PriorityContext: Codable, Sendable, Hashable {
    public var now: Date
    public var depot: DepotView
    public var tenants: [TenantView]
    public var sessions: [SessionView]

    public init(now: Date, depot: DepotView, tenants: [TenantView], sessions: [SessionView]) {
        self.now = now
        self.depot = depot
        self.tenants = tenants
        self.sessions = sessions
    }

    /// The part every domain sees.
    public var common: PolicyContext { PolicyContext(now: now, depot: depot, tenants: tenants) }
}
