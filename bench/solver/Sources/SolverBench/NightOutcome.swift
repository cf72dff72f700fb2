import DepotModel
import Foundation
import PowerSolver

/// How a night ended for the fleet: unmet battery energy per class (must = to the min target,
/// want = the rest to the max target; per tier), buses at their min target, peak and cost.
struct NightOutcome {
    struct ClassKey: Hashable, Comparable {
        let kind: ClassShortfall.Kind
        let tier: Int

        static func < (lhs: ClassKey, rhs: ClassKey) -> Bool {
            (lhs.kind == .must ? 0 : 1, -lhs.tier) < (rhs.kind == .must ? 0 : 1, -rhs.tier)
        }
    }

    /// A bus within this much (kWh) of its min target counts as at it (the planner rounds to mWh).
    static let tolerance = 0.01

    let unmet: [ClassKey: Double]
    /// Battery energy from the arrival SoC to the max targets, over all vehicles.
    let need: Double
    let atMinimum: Int
    let vehicles: Int
    let peak: Double
    let cost: Double

    /// - Parameter departureStateOfCharge: each vehicle's SoC (%) when it leaves.
    init(night: PlanningProblem, departureStateOfCharge: [Double], peak: Double, cost: Double) {
        var unmet: [ClassKey: Double] = [:]
        var atMinimum = 0
        for (vehicle, soc) in zip(night.vehicles, departureStateOfCharge) {
            let toMinimum = max(0, (vehicle.minTarget.value - soc) / 100 * vehicle.capacity.value)
            let toMaximum = max(0, (vehicle.maxTarget.value - soc) / 100 * vehicle.capacity.value)
            unmet[ClassKey(kind: .must, tier: vehicle.tier), default: 0] += toMinimum
            unmet[ClassKey(kind: .want, tier: vehicle.tier), default: 0] += toMaximum - toMinimum
            if toMinimum <= Self.tolerance { atMinimum += 1 }
        }
        self.unmet = unmet
        need = night.vehicles.map(\.wantedEnergy.value).reduce(0, +)
        self.atMinimum = atMinimum
        vehicles = night.vehicles.count
        self.peak = peak
        self.cost = cost
    }

    var totalUnmet: Double { unmet.values.reduce(0, +) }
    var mustUnmet: Double { unmet.filter { $0.key.kind == .must }.values.reduce(0, +) }
    var wantUnmet: Double { unmet.filter { $0.key.kind == .want }.values.reduce(0, +) }
    /// "must/0=12.3,want/0=45.6": every class, must first, higher tiers first.
    var classes: String {
        unmet.keys.sorted().map { String(format: "%@/%d=%.1f", $0.kind.rawValue, $0.tier, unmet[$0] ?? 0) }.joined(separator: ",")
    }
}
