public import DepotModel
import Foundation

extension PlanningVehicle {
    /// The planner's view of one timetable stay at a depot: the node of its bay's charger (the site
    /// when no bay is fixed), the tighter of vehicle and connector maximum, and the targets.
    /// - Parameters:
    ///   - arrivalSoC: used when the entry does not say (VDV 463 `expectedSocAtArrival`).
    ///   - tier: the session's priority tier (higher first).
    ///   - preconditioning: the load the `preconditioning` policy's plan draws before departure.
    ///   - powerCurve: the taper to plan with, when it is not the vehicle's own (an assumed default).
    /// - Returns: nil when the vehicle is not in the depot's master data.
    public init?(
        stay entry: TimetableEntry, depot: Depot, arrivalSoC: Percent, tier: Int, preconditioning: PreconditioningLoad? = nil,
        powerCurve: [PowerCurvePoint]? = nil
    ) {
        guard let vehicle = depot.vehicle(entry.vehicle) else { return nil }
        var node = PlanningProblem.siteNodeID
        var maxPower = vehicle.maxPower
        if let bay = entry.bay, let address = depot.connector(servingBay: bay), let charger = depot.charger(address.charger),
            let connector = charger.connector(address.connector)
        {
            node = PlanningProblem.node(of: charger)
            maxPower = min(maxPower, connector.maxPower)
        }
        self.init(
            id: vehicle.id, node: node, arrival: entry.arrival, departure: entry.departure, capacity: vehicle.batteryCapacity,
            stateOfCharge: entry.arrivalSoC ?? arrivalSoC, minTarget: entry.minTargetSoC, maxTarget: entry.maxTargetSoC, maxPower: maxPower,
            efficiency: vehicle.efficiency, tier: tier, powerCurve: powerCurve ?? vehicle.powerCurve, preconditioning: preconditioning,
            tenant: vehicle.tenant)
    }
}
