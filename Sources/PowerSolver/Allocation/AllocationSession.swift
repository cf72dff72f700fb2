public import DepotModel
public import Foundation

/// One charging session in one allocator tick, as the runtime sees it (docs/solver.md §5).
public struct AllocationSession: Hashable, Codable, Sendable, Identifiable {
    public let id: ConnectorAddress
    /// The tree node the connector hangs under.
    public let node: String
    /// m_i: 0, or the least power the charger can run at (6 A AC, the DC module floor); the
    /// session gets 0 or at least this.
    public let minimum: Kilowatts
    /// M_i: charger, EV-reported and policy caps (actual draw plus margin when the EV takes less).
    public let maximum: Kilowatts
    /// τ_i: the plan's power for the current slot; nil when unplanned (then the maximum).
    public let target: Kilowatts?
    /// The priority tier from the policy; higher tiers are served first.
    public let tier: Int
    /// Slack in hours: time left minus the time the remaining energy needs at full power.
    public let laxity: Double
    public let departure: Date
    /// The charger's setpoint step (0 when continuous); limits are rounded down to it.
    public let step: Kilowatts
    public let tenant: TenantID?
    /// When the session was admitted at its minimum (from the previous tick), nil if it was not.
    public let admittedSince: Date?
    /// Fleet below target, fleet at target or public: decides the session's place in the tick and
    /// whether the envelope bounds it.
    public let need: ChargingNeed

    public init(
        id: ConnectorAddress, node: String, minimum: Kilowatts = .zero, maximum: Kilowatts, target: Kilowatts? = nil,
        tier: Int = 0, laxity: Double, departure: Date, step: Kilowatts = .zero, tenant: TenantID? = nil,
        admittedSince: Date? = nil, need: ChargingNeed
    ) {
        self.id = id
        self.node = node
        self.minimum = minimum
        self.maximum = maximum
        self.target = target
        self.tier = tier
        self.laxity = laxity
        self.departure = departure
        self.step = step
        self.tenant = tenant
        self.admittedSince = admittedSince
        self.need = need
    }

    /// ℓ_i in hours: time to departure minus the time the remaining energy takes at full power.
    public static func laxity(now: Date, departure: Date, remaining: KilowattHours, maximum: Kilowatts, efficiency: Double) -> Double {
        let hoursLeft = departure.timeIntervalSince(now) / 3600
        guard maximum.value > 0, efficiency > 0 else { return hoursLeft }
        return hoursLeft - remaining.value / (efficiency * maximum.value)
    }
}
