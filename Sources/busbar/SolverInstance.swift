import DepotModel
import Foundation
import PowerSolver

/// A solver instance as the benchmark generator writes it (`bench/solver`): `busbar plan
/// --instance` solves it with the product planner, so the LP reference tests compare the shipped
/// code, not the benchmark's copy of it.
struct SolverInstance: Decodable {
    let instance: GeneratedInstance

    /// The plan in the benchmark's JSON shape: kW per vehicle and slot, and the stage objectives.
    static func planJSON(path: String) throws -> String {
        let file = try JSONDecoder().decode(SolverInstance.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        let plan = try Planner().plan(file.instance.problem)
        let document: [String: Any] = [
            "power": plan.vehicles.map { $0.power.map(\.value) },
            "peak_kw": plan.objectives.peak.value,
            "cost": plan.objectives.cost,
            "unmet_kwh": plan.objectives.totalUnmet.value,
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
    }
}
