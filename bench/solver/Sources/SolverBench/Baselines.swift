import ArgumentParser
import DepotModel
import Foundation
import PowerSolver

extension SolverBench {
    /// Runs two online rules slot by slot on an instance and prints what the plan buys against
    /// them: least laxity first (greedy) and equal share (progressive filling).
    struct Baselines: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Least-laxity-first and equal-share baselines.")

        @Option(help: "Instance JSON written by `generate`.")
        var instance: String

        func run() throws {
            let file = try InstanceFile.read(instance)
            let plan = try Planner().plan(file.instance.problem)
            let leastLaxity = try simulate(file.lp, rule: .leastLaxity)
            let equalShare = try simulate(file.lp, rule: .equalShare)
            let need = file.lp.vehicles.map(\.wantedEnergy).reduce(0, +)
            print("rule\tunmet_kWh\textra_%_of_need\tpeak_kW\tcost_eur")
            let planUnmet = plan.objectives.totalUnmet.value
            print(String(format: "plan\t%.1f\t0\t%.1f\t%.2f", planUnmet, plan.objectives.peak.value, plan.objectives.cost))
            for (name, result) in [("llf", leastLaxity), ("equal", equalShare)] {
                print(
                    String(
                        format: "%@\t%.1f\t%+.2f\t%.1f\t%.2f", name, result.unmet, 100 * (result.unmet - planUnmet) / max(need, 1), result.peak,
                        result.cost))
            }
        }

        enum Rule { case leastLaxity, equalShare }

        /// One slot at a time, without foresight, up to the physical limits.
        func simulate(_ lp: LPData, rule: Rule) throws -> (unmet: Double, peak: Double, cost: Double) {
            var remaining = lp.vehicles.map { $0.wantedEnergy / $0.efficiency }
            var peak = 0.0
            var cost = 0.0
            let start = Date(timeIntervalSince1970: 0)
            for slot in 0..<lp.slots {
                var present: [Int] = []
                var caps: [Double] = []
                for (index, vehicle) in lp.vehicles.enumerated() {
                    let offset = slot - vehicle.first
                    guard offset >= 0, offset < vehicle.alpha.count, vehicle.alpha[offset] > 0, remaining[index] > 1e-9 else { continue }
                    present.append(index)
                    caps.append(min(vehicle.alpha[offset] * vehicle.maxPower, remaining[index] / lp.slotHours))
                }
                let nodes = lp.nodes.map { AllocationNode(id: $0.id, parent: $0.parent, capacity: Kilowatts(max(0, $0.room[slot]))) }
                let sessions = present.enumerated().map { position, index in
                    let vehicle = lp.vehicles[index]
                    let hoursLeft = Double(vehicle.first + vehicle.alpha.count - slot) * lp.slotHours
                    return AllocationSession(
                        id: ConnectorAddress(charger: ChargerID(vehicle.id), connector: 1), node: vehicle.node, maximum: Kilowatts(caps[position]),
                        laxity: LeastLaxityFirst.laxity(hoursLeft: hoursLeft, remainingGridEnergy: remaining[index], maxPower: vehicle.maxPower),
                        departure: start, need: .fleetBelowTarget)
                }
                let power: [Double]
                switch rule {
                case .equalShare:
                    let allocation = try Allocator().allocate(AllocationInput(now: start, nodes: nodes, sessions: sessions))
                    let byID = Dictionary(uniqueKeysWithValues: allocation.limits.map { ($0.id, $0.power.value) })
                    power = sessions.map { byID[$0.id] ?? 0 }
                case .leastLaxity:
                    power = LeastLaxityFirst.allocate(sessions, nodes: nodes)
                }
                let total = power.reduce(0, +)
                for (position, index) in present.enumerated() { remaining[index] -= power[position] * lp.slotHours }
                let site = total + lp.siteFixed[slot]
                peak = max(peak, site)
                cost += lp.prices[slot] * lp.slotHours * total
                if !lp.reserved.isEmpty { cost += lp.penalty[slot] * max(0, site - lp.reserved[slot]) }
            }
            let unmet = zip(lp.vehicles, remaining).map { max(0, $1) * $0.efficiency }.reduce(0, +)
            return (unmet, peak, cost)
        }
    }
}
