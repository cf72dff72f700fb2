import DepotModel

extension Planner {
    /// Tenants with a short vehicle that get less than min(budget, what their short vehicles could
    /// take) in some slot.
    func tenantsBelowGuarantee(_ problem: PlanningProblem, _ plan: Plan) -> Set<TenantID> {
        var result: Set<TenantID> = []
        for (tenant, budget) in problem.tenantBudgets where budget.value > 0 {
            let members = problem.vehicles.indices.filter { problem.vehicles[$0].tenant == tenant }
            let short = members.filter { plan.vehicles[$0].shortfall.total.value > PlanReport.reportableShortfall }
            guard !short.isEmpty else { continue }
            for slot in 0..<problem.grid.count {
                let received = members.map { plan.vehicles[$0].power[slot].value }.reduce(0, +)
                let takeable = short.map { index in
                    let vehicle = problem.vehicles[index]
                    return problem.grid.coverage(of: slot, by: vehicle.arrival..<max(vehicle.arrival, vehicle.departure)) * vehicle.maxPower.value
                }.reduce(0, +)
                if received < min(budget.value, takeable) - PlanReport.reportableShortfall {
                    result.insert(tenant)
                    break
                }
            }
        }
        return result
    }

    /// Moves the tenants' vehicles up one class: to the next higher tier present, or one above the top.
    func promoting(_ tenants: Set<TenantID>, in problem: PlanningProblem) -> PlanningProblem {
        let tiers = Set(problem.vehicles.map(\.tier)).sorted()
        return problem.replacing(
            vehicles: problem.vehicles.map { vehicle in
                guard let tenant = vehicle.tenant, tenants.contains(tenant) else { return vehicle }
                return vehicle.moved(toTier: tiers.first { $0 > vehicle.tier } ?? vehicle.tier + 1)
            })
    }
}
