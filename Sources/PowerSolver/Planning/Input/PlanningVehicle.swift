public import DepotModel
public import Foundation

/// One vehicle to charge in the planning horizon, built by the runtime from the session, the
/// vehicle's master data, the charging request and the policy (docs/solver.md §2.1).
public struct PlanningVehicle: Hashable, Codable, Sendable, Identifiable {
    public let id: VehicleID
    /// The tree node the vehicle's connector hangs under (usually its cabinet).
    public let node: String
    /// Plug-in (or now, when already plugged in) and planned departure.
    public let arrival: Date
    public let departure: Date
    /// Usable battery capacity C_i.
    public let capacity: KilowattHours
    /// SoC at arrival, or the measured SoC now.
    public let stateOfCharge: Percent
    /// The "must" target: energy below it is unmet before any "want" energy counts.
    public let minTarget: Percent
    /// The "want" target: charging stops here (no overfill).
    public let maxTarget: Percent
    /// Grid-side maximum P̄_i: the least of charger, connector, vehicle, quirk and policy caps. A
    /// policy minimum has no place here: semi-continuous power is the allocator's (docs/solver.md §3.3).
    public let maxPower: Kilowatts
    /// Grid → battery efficiency η_i.
    public let efficiency: Double
    /// The priority tier from the policy; higher tiers are served strictly first.
    public let tier: Int
    /// The SoC-dependent taper (grid-side kW by SoC); empty when the vehicle does not taper.
    public let powerCurve: [PowerCurvePoint]
    /// A fixed preconditioning load that runs before departure (VDV 463 manual preconditioning).
    public let preconditioning: PreconditioningLoad?
    /// The tenant whose guaranteed budget covers this vehicle, if any.
    public let tenant: TenantID?

    public init(
        id: VehicleID, node: String, arrival: Date, departure: Date, capacity: KilowattHours,
        stateOfCharge: Percent, minTarget: Percent, maxTarget: Percent, maxPower: Kilowatts,
        efficiency: Double = 0.93, tier: Int = 0, powerCurve: [PowerCurvePoint] = [],
        preconditioning: PreconditioningLoad? = nil, tenant: TenantID? = nil
    ) {
        self.id = id
        self.node = node
        self.arrival = arrival
        self.departure = departure
        self.capacity = capacity
        self.stateOfCharge = stateOfCharge
        self.minTarget = minTarget
        self.maxTarget = maxTarget
        self.maxPower = maxPower
        self.efficiency = efficiency
        self.tier = tier
        self.powerCurve = powerCurve
        self.preconditioning = preconditioning
        self.tenant = tenant
    }

    /// The same vehicle in another tier (tenant guarantees promote vehicles, docs/solver.md §3.3).
    func moved(toTier newTier: Int) -> PlanningVehicle {
        PlanningVehicle(
            id: id, node: node, arrival: arrival, departure: departure, capacity: capacity, stateOfCharge: stateOfCharge,
            minTarget: minTarget, maxTarget: maxTarget, maxPower: maxPower, efficiency: efficiency, tier: newTier,
            powerCurve: powerCurve, preconditioning: preconditioning, tenant: tenant)
    }

    /// Battery energy to the min target, E_i^min (≥ 0).
    public var mustEnergy: KilowattHours { KilowattHours(max(0, (minTarget.value - stateOfCharge.value) / 100 * capacity.value)) }

    /// Battery energy to the max target, E_i^max (≥ 0).
    public var wantedEnergy: KilowattHours { KilowattHours(max(0, (maxTarget.value - stateOfCharge.value) / 100 * capacity.value)) }
}
