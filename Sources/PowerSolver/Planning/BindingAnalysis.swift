import DepotModel
import Foundation

/// Names what keeps a vehicle short, from the final min cut (docs/solver.md §4): the saturated arcs
/// leaving the set of vertices the vehicle can still reach in the residual network, merged into
/// spans of consecutive slots.
struct BindingAnalysis {
    let model: PlanningModel
    let network: TimeExpandedNetwork
    let peak: Double

    func constraints(for vehicle: Int, intrinsic: Double) -> [BindingConstraint] {
        let flow = network.network
        let start = network.vehicleBase + vehicle
        let reached = flow.reachable(from: start) { network.isSupply($0) }
        var result: [BindingConstraint] = []
        if intrinsic > PlanReport.reportableShortfall { result.append(BindingConstraint(kind: .dwellTooShort, span: nil)) }
        let ownCaps = network.rateArcs[vehicle].filter { !reached[Int(flow.head[$0.arc])] && flow.residual[$0.arc] == 0 }
        let plugged = model.vehicles[vehicle].coverage.contains { $0 > 0 }
        if !ownCaps.isEmpty || (network.rateArcs[vehicle].isEmpty && plugged) {
            result.append(BindingConstraint(kind: .chargerMax(model.problem.vehicles[vehicle].maxPower), span: nil))
        }
        var slotsByKind: [BindingConstraint.Kind: [Int]] = [:]
        for node in model.parent.indices {
            for slot in 0..<model.slotCount where reached[network.vertex(node: node, slot: slot)] {
                if node == model.root {
                    let kind: BindingConstraint.Kind = model.siteLimit[slot] <= peak ? .siteLimit : .peak
                    slotsByKind[kind, default: []].append(slot)
                } else {
                    let arc = network.nodeArcs[node][slot]
                    if flow.residual[arc] == 0, !reached[Int(flow.head[arc])] {
                        slotsByKind[.circuit(model.problem.nodes[node].id), default: []].append(slot)
                    }
                }
            }
        }
        return result + Self.spans(slotsByKind, grid: model.problem.grid)
    }

    /// Binding slots per kind as time spans of consecutive slots, earliest first (the flow's and
    /// the LP's analyses name them alike).
    static func spans(_ slotsByKind: [BindingConstraint.Kind: [Int]], grid: SlotGrid) -> [BindingConstraint] {
        var spans: [BindingConstraint] = []
        for (kind, slots) in slotsByKind {
            for run in runs(slots.sorted()) {
                spans.append(BindingConstraint(kind: kind, span: grid.slotStart(run.lowerBound)..<grid.slotStart(run.upperBound)))
            }
        }
        return spans.sorted { lhs, rhs in
            let left = lhs.span?.lowerBound ?? .distantPast
            let right = rhs.span?.lowerBound ?? .distantPast
            return left != right ? left < right : "\(lhs.kind)" < "\(rhs.kind)"
        }
    }

    /// Consecutive slot numbers merged into half-open ranges.
    static func runs(_ slots: [Int]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        for slot in slots {
            if let last = runs.last, last.upperBound == slot {
                runs[runs.count - 1] = last.lowerBound..<(slot + 1)
            } else {
                runs.append(slot..<(slot + 1))
            }
        }
        return runs
    }
}
