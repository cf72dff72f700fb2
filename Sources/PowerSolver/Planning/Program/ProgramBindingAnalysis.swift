import DepotModel
import Foundation

/// Names what keeps a vehicle short in an LP plan (docs/solver.md §4), from the rows that are
/// tight in the final solution: in each slot of its window where the vehicle is below its own cap
/// and its taper, the node limits above it that are full, merged into spans of consecutive slots.
struct ProgramBindingAnalysis {
    /// A row within this of its bound is tight (kW).
    static let tightness = 1e-6

    let program: StateOfChargeProgram
    let solution: [Double]
    let activities: [Double]
    let rows: [LinearProgram.Row]
    /// The peak the plan may use (stage 2 with the tolerance).
    let peak: Double

    func constraints(for vehicle: Int, intrinsic: Double) -> [BindingConstraint] {
        let model = program.model
        var result: [BindingConstraint] = []
        if intrinsic > PlanReport.reportableShortfall { result.append(BindingConstraint(kind: .dwellTooShort, span: nil)) }
        let tapered = Set(program.taperRows[vehicle].filter { isTight($0.row) }.map(\.slot))
        if !tapered.isEmpty { result.append(BindingConstraint(kind: .batteryTaper, span: nil)) }
        let columns = program.power[vehicle]
        let atCap = columns.filter { solution[$0.column] >= program.program.columnUpper[$0.column] - Self.tightness }
        if !atCap.isEmpty || (columns.isEmpty && model.vehicles[vehicle].coverage.contains { $0 > 0 }) {
            result.append(BindingConstraint(kind: .chargerMax(model.problem.vehicles[vehicle].maxPower), span: nil))
        }
        let free = columns.map(\.slot).filter { slot in !tapered.contains(slot) && !atCap.contains { $0.slot == slot } }
        var slotsByKind: [BindingConstraint.Kind: [Int]] = [:]
        var node = model.vehicles[vehicle].node
        while node >= 0 {
            for slot in free {
                if node == model.root {
                    if let row = program.nodeRows[node][slot], isTight(row) {
                        slotsByKind[.siteLimit, default: []].append(slot)
                    } else if siteLoad(slot) >= peak - Self.tightness {
                        slotsByKind[.peak, default: []].append(slot)
                    }
                } else if let row = program.nodeRows[node][slot], isTight(row) {
                    slotsByKind[.circuit(model.problem.nodes[node].id), default: []].append(slot)
                }
            }
            node = model.parent[node]
        }
        return result + BindingAnalysis.spans(slotsByKind, grid: model.problem.grid)
    }

    private func isTight(_ row: Int) -> Bool { activities[row] >= rows[row].upper - Self.tightness }

    /// EV plus fixed load at the site in a slot: the peak row holds Σp − P, so Σp = activity + P.
    private func siteLoad(_ slot: Int) -> Double {
        activities[program.peakRows[slot]] + solution[program.peak] + program.model.siteFixedLoad[slot]
    }
}
