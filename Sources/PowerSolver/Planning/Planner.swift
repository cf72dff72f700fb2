import DepotModel

/// The exact night planner of docs/solver.md §3: lexicographic stages (unmet energy class by class,
/// then peak, then cost). Without taper and preferences they are max-flow augmentations on one
/// time-expanded network in integer milliwatt-hours (§3.1); with taper, readiness first or a
/// peak tolerance, the LP with SoC states solved by Clp (§3.2), which is exact there where any
/// flow with fixed caps is not.
public struct Planner: Sendable {
    /// Relative precision of the peak bisection (the LP comparison allows 1e-6).
    let peakTolerance: Double
    /// The ε of the cost tie-break ε·t: equal-price energy goes early.
    let tieBreak: Double
    /// Rounds of tenant promotion (docs/solver.md §3.3).
    let tenantRounds: Int

    /// The planner with the tolerances of docs/solver.md §2.3 and §3.2.
    public init() {
        peakTolerance = 1e-8
        tieBreak = 1e-9
        tenantRounds = 3
    }

    /// Plans the problem; a malformed problem throws, an infeasible one returns shortfalls.
    ///
    /// Tenant budgets break the flow structure, so they are checked afterwards: a tenant with
    /// unmet demand that gets less than its guarantee in some slot moves up one class and the plan
    /// is recomputed, at most three times (docs/solver.md §3.3).
    public func plan(_ problem: PlanningProblem) throws -> Plan {
        var current = problem
        var plan = try planOnce(current)
        for _ in 0..<tenantRounds {
            let short = tenantsBelowGuarantee(current, plan)
            guard !short.isEmpty else { break }
            current = promoting(short, in: current)
            plan = try planOnce(current)
        }
        return plan
    }

    private func planOnce(_ problem: PlanningProblem) throws -> Plan {
        let model = try PlanningModel(problem)
        return Self.needsProgram(problem) ? try solveProgram(model) : solve(model)
    }

    /// Whether the problem leaves the flow structure: a vehicle tapers, or the operator's
    /// preferences add the readiness stage or change the peak the cost stage may use.
    static func needsProgram(_ problem: PlanningProblem) -> Bool {
        if let preferences = problem.preferences, preferences.readinessFirst || preferences.peakTolerance != 0 { return true }
        return problem.vehicles.contains { !StateOfChargeProgram.taperLines($0).isEmpty }
    }

    private func solve(_ model: PlanningModel) -> Plan {
        var network = TimeExpandedNetwork(model)
        let empty = network
        let totals = maximiseByClass(&network, model)
        let peak = minimisePeak(empty, model, totals: totals, unconstrainedPeak: sitePeak(network, model))
        let final = minimiseCost(empty, model, totals: totals, peak: peak)
        let power = model.problem.vehicles.indices.map { final.vehicleFlow($0).map(model.kilowatts) }
        let analysis = BindingAnalysis(model: model, network: final, peak: peak)
        return PlanReport(model: model, power: power) { analysis.constraints(for: $0, intrinsic: $1) }.plan()
    }

    /// Stage 1: opens the groups in class order and augments after each; an augmenting path never
    /// takes flow back from the source, so every earlier class keeps its optimum.
    private func maximiseByClass(_ network: inout TimeExpandedNetwork, _ model: PlanningModel) -> [Int64] {
        network.openSink(model, peak: .infinity)
        return network.groups.map { group in
            network.network.setCapacity(group.arc, to: group.demand)
            network.network.augment()
            return network.network.flow(on: group.arc)
        }
    }

    /// Stage 2: bisection on the peak with "every class total still reached" as the test. Each
    /// step starts from the flow of the highest infeasible peak (raising capacities keeps a flow
    /// valid), so only the difference is augmented.
    private func minimisePeak(_ empty: TimeExpandedNetwork, _ model: PlanningModel, totals: [Int64], unconstrainedPeak: Double) -> Double {
        var base = empty
        for (group, total) in zip(base.groups, totals) { base.network.setCapacity(group.arc, to: total) }
        let required = totals.reduce(0, +)
        var low = max(model.siteFixedLoad.max() ?? 0, model.problem.tariff.billingPeak?.value ?? 0)
        var high = max(low, unconstrainedPeak * (1 + peakTolerance) + 1e-6)
        var lowNetwork = base
        lowNetwork.openSink(model, peak: low)
        lowNetwork.network.augment()
        if lowNetwork.totalFlow == required { return low }
        while high - low > peakTolerance * high + 1e-6 {
            let middle = (low + high) / 2
            var trial = lowNetwork
            trial.openSink(model, peak: middle)
            trial.network.augment()
            if trial.totalFlow == required {
                high = middle
            } else {
                low = middle
                lowNetwork = trial
            }
        }
        return high
    }

    /// Stage 3: opens the sink arcs in ascending (price + ε·t) order and augments after each; the
    /// slot-flow vectors form a polymatroid, so the greedy order gives the least cost.
    private func minimiseCost(_ empty: TimeExpandedNetwork, _ model: PlanningModel, totals: [Int64], peak: Double) -> TimeExpandedNetwork {
        var network = empty
        for (group, total) in zip(network.groups, totals) { network.network.setCapacity(group.arc, to: total) }
        let tariff = model.problem.tariff
        var openings: [(price: Double, slot: Int, arc: Int, capacity: Int64)] = []
        for slot in 0..<model.slotCount {
            let room = model.siteCapacity(slot: slot, peak: peak)
            let reserved = model.reservedCapacity(slot: slot, peak: peak)
            let price = tariff.prices[slot] + tieBreak * Double(slot)
            openings.append((price, slot, network.reservedArcs[slot], reserved))
            if room > reserved {
                let penalty = tariff.excessPenalty[slot] / model.slotHours
                openings.append((price + penalty, slot, network.excessArcs[slot], room - reserved))
            }
        }
        openings.sort { ($0.price, $0.slot) < ($1.price, $1.slot) }
        let required = totals.reduce(0, +)
        for opening in openings where opening.capacity > 0 {
            network.network.setCapacity(opening.arc, to: opening.capacity)
            network.network.augment()
            if network.totalFlow == required { break }
        }
        return network
    }

    private func sitePeak(_ network: TimeExpandedNetwork, _ model: PlanningModel) -> Double {
        (0..<model.slotCount).map { model.siteFixedLoad[$0] + model.kilowatts(network.siteFlow(slot: $0)) }.max() ?? 0
    }
}
