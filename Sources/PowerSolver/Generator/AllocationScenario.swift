import DepotModel
public import Foundation

/// Seeded allocator inputs on a generated tree (docs/solver.md §8: one site → 1–4 transformers → 5–50
/// cabinets), shared by the property tests and the allocator benchmark.
public enum AllocationScenario {
    /// A tick with `sessionCount` sessions whose total demand is about `tightness` times the site.
    /// - Parameters:
    ///   - withMinima: give about half the sessions a DC module floor (semi-continuous power).
    ///   - staleShare: the share of cabinets whose meter is stale.
    public static func make(
        sessionCount: Int, seed: UInt64, now: Date, tightness: Double = 1.5, withMinima: Bool = true, staleShare: Double = 0
    ) -> AllocationInput {
        var random = SplitMix64(seed: seed)
        let transformers = 1 + random.index(below: 4)
        let cabinets = max(transformers, min(50, max(5, sessionCount / 10)))
        let maxima = (0..<sessionCount).map { _ in [50.0, 100, 150][random.index(below: 3)] }
        let demand = maxima.reduce(0, +)
        var nodes = [AllocationNode(id: "site", parent: nil, capacity: Kilowatts(demand / tightness))]
        for transformer in 0..<transformers {
            nodes.append(
                AllocationNode(
                    id: "T\(transformer)", parent: "site", capacity: Kilowatts(demand / tightness / Double(transformers) * random.uniform(0.8, 1.2))))
        }
        for cabinet in 0..<cabinets {
            let stale = random.unit() < staleShare
            nodes.append(
                AllocationNode(
                    id: "C\(cabinet)", parent: "T\(cabinet % transformers)",
                    capacity: Kilowatts(demand / Double(cabinets) * random.uniform(0.6, 0.9)), meterIsStale: stale))
        }
        let sessions = (0..<sessionCount).map { index in
            let maximum = maxima[index]
            let hasMinimum = withMinima && random.unit() < 0.5
            let planned = random.unit() < 0.8
            let node = "C\(random.index(below: cabinets))"
            let minimum = Kilowatts(hasMinimum ? random.uniform(5, 20) : 0)
            let target = planned ? Kilowatts(random.uniform(0, maximum)) : nil
            let tier = random.index(below: 3)
            let laxity = random.uniform(-1, 8)
            let departure = now.addingTimeInterval(random.uniform(3_600, 36_000))
            let admittedSince = random.unit() < 0.3 ? now.addingTimeInterval(-random.uniform(0, 600)) : nil
            // Most sessions are buses below target; some buses are full, a quarter are public.
            let draw = random.unit()
            let need: ChargingNeed = draw < 0.6 ? .fleetBelowTarget : draw < 0.75 ? .fleetAtTarget : .publicCharging
            return AllocationSession(
                id: ConnectorAddress(charger: ChargerID("CP\(index)"), connector: 1), node: node, minimum: minimum,
                maximum: Kilowatts(maximum), target: target, tier: tier, laxity: laxity, departure: departure, tenant: nil,
                admittedSince: admittedSince, need: need)
        }
        return AllocationInput(now: now, nodes: nodes, sessions: sessions)
    }
}
