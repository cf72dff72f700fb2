import DepotModel
import Foundation
import PowerSolver

/// A plan as the power a vehicle is told to take at an instant: the planned slot power is a slot
/// average over the whole slot (p ≤ α · P̄), so a vehicle plugged in for a share α of the slot
/// draws p / α while it is there.
struct PlanCommand {
    let plan: Plan
    /// The windows the plan was made for, per plan vehicle.
    private let windows: [Range<Date>]
    /// The plan vehicle of each simulated vehicle, nil for those not in the plan.
    private let member: [Int?]

    /// - Parameters:
    ///   - members: the simulated vehicle of each plan vehicle, in the plan's order.
    ///   - vehicleCount: how many vehicles the simulation has.
    init(plan: Plan, problem: PlanningProblem, members: [Int], vehicleCount: Int) {
        self.plan = plan
        windows = problem.vehicles.map { $0.arrival..<max($0.arrival, $0.departure) }
        var member: [Int?] = Array(repeating: nil, count: vehicleCount)
        for (position, vehicle) in members.enumerated() { member[vehicle] = position }
        self.member = member
    }

    func power(_ vehicle: Int, at instant: Date) -> Double {
        guard let position = member[vehicle], let slot = plan.grid.slot(containing: instant) else { return 0 }
        let alpha = plan.grid.coverage(of: slot, by: windows[position])
        return alpha > 0 ? plan.vehicles[position].power[slot].value / alpha : 0
    }
}
