import DepotModel
import Foundation

/// The validated, index-based form of a `PlanningProblem`: the numbers of docs/solver.md §2.1 in the
/// units of the flow network (integer grid-side milliwatt-hours per slot, rounded down).
struct PlanningModel {
    /// Milliwatt-hours per kWh: the integer unit of every capacity.
    static let unitsPerKilowattHour = 1_000_000.0

    let problem: PlanningProblem
    let slotCount: Int
    let slotHours: Double
    let root: Int
    /// Parent index per node, -1 for the site.
    let parent: [Int]
    /// Capacity of each non-root node per slot after its fixed load, in mWh (≥ 0).
    let nodeCapacity: [[Int64]]
    /// Base plus preconditioning load of the whole site per slot (kW).
    let siteFixedLoad: [Double]
    let siteLimit: [Double]
    let deficits: [CapacityDeficit]
    let vehicles: [Vehicle]

    /// One vehicle in network units.
    struct Vehicle {
        let node: Int
        /// Grid-side mWh per slot the vehicle may take (α·P̄), 0 outside its window.
        let rateCap: [Int64]
        /// Share of each slot the vehicle is plugged in (α).
        let coverage: [Double]
        /// Grid-side mWh to the min target, and to the max target (including the must part).
        let mustUnits: Int64
        let wantUnits: Int64
        /// What the vehicle could take alone at full tapered power over its window, in mWh: the
        /// bound below which a shortfall is intrinsic.
        let aloneUnits: Int64
    }

    init(_ problem: PlanningProblem) throws {
        self.problem = problem
        let grid = problem.grid
        slotCount = grid.count
        slotHours = grid.slotLength.hours
        let units = slotHours * Self.unitsPerKilowattHour

        var index: [String: Int] = [:]
        for (position, node) in problem.nodes.enumerated() {
            guard index[node.id] == nil else { throw PlanningError.duplicateNode(node.id) }
            index[node.id] = position
            try Self.checkCount(node.limits.count, "limits of \(node.id)", slotCount)
            try Self.checkCount(node.baseLoad.count, "base load of \(node.id)", slotCount)
        }
        let roots = problem.nodes.filter { $0.parent == nil }.map(\.id)
        guard let rootID = roots.first else { throw PlanningError.noSiteNode }
        guard roots.count == 1 else { throw PlanningError.severalSiteNodes(roots) }
        root = index[rootID] ?? 0
        parent = try problem.nodes.map { node in
            guard let parentID = node.parent else { return -1 }
            guard let parentIndex = index[parentID] else { throw PlanningError.unknownParent(node: node.id, parent: parentID) }
            return parentIndex
        }
        let ancestors = try Self.ancestorLists(parent: parent, ids: problem.nodes.map(\.id))
        try Self.checkCount(problem.tariff.prices.count, "prices", slotCount)
        if !problem.tariff.reservedCapacity.isEmpty {
            try Self.checkCount(problem.tariff.reservedCapacity.count, "reserved capacity", slotCount)
            try Self.checkCount(problem.tariff.excessPenalty.count, "excess penalty", slotCount)
        }

        // Fixed load per node: its own base load, its descendants' base loads, preconditioning below it.
        var fixed = problem.nodes.map { $0.baseLoad.map(\.value) }
        for (node, chain) in ancestors.enumerated() {
            for ancestor in chain.dropFirst() {
                for slot in 0..<slotCount { fixed[ancestor][slot] += problem.nodes[node].baseLoad[slot].value }
            }
        }
        var vehicles: [Vehicle] = []
        for vehicle in problem.vehicles {
            guard let node = index[vehicle.node] else { throw PlanningError.unknownNode(vehicle: vehicle.id.rawValue, node: vehicle.node) }
            guard vehicle.capacity.value > 0, vehicle.efficiency > 0, vehicle.efficiency <= 1, vehicle.maxPower.value >= 0 else {
                throw PlanningError.invalidVehicle(vehicle.id.rawValue, reason: "capacity, efficiency or max power out of range")
            }
            let window = vehicle.arrival..<max(vehicle.arrival, vehicle.departure)
            let coverage = (0..<slotCount).map { grid.coverage(of: $0, by: window) }
            if let load = vehicle.preconditioning, max(load.start, window.lowerBound) < min(window.upperBound, load.finish ?? window.upperBound) {
                let running = max(load.start, window.lowerBound)..<min(window.upperBound, load.finish ?? window.upperBound)
                for slot in 0..<slotCount {
                    let power = load.power.value * grid.coverage(of: slot, by: running)
                    for ancestor in ancestors[node] { fixed[ancestor][slot] += power }
                }
            }
            let aloneKilowatts = Self.taperedRates(vehicle, coverage: coverage, slotHours: slotHours)
            let rateKilowatts = coverage.map { $0 * StateOfChargeProgram.rateCap(vehicle) }
            vehicles.append(
                Vehicle(
                    node: node,
                    rateCap: rateKilowatts.map { Int64(($0 * units).rounded(.down)) },
                    coverage: coverage,
                    mustUnits: Int64((vehicle.mustEnergy.value / vehicle.efficiency * Self.unitsPerKilowattHour).rounded(.down)),
                    wantUnits: Int64((vehicle.wantedEnergy.value / vehicle.efficiency * Self.unitsPerKilowattHour).rounded(.down)),
                    aloneUnits: aloneKilowatts.map { Int64(($0 * units).rounded(.down)) }.reduce(0, +)
                ))
        }
        self.vehicles = vehicles

        var deficits: [CapacityDeficit] = []
        nodeCapacity = problem.nodes.enumerated().map { node, description in
            (0..<grid.count).map { slot in
                let room = description.limits[slot].value - fixed[node][slot]
                if room < 0 { deficits.append(CapacityDeficit(node: description.id, slot: slot, excess: Kilowatts(-room))) }
                return Int64((max(0, room) * units).rounded(.down))
            }
        }
        self.deficits = deficits
        siteFixedLoad = fixed[root]
        siteLimit = problem.nodes[root].limits.map(\.value)
    }

    /// The site's room for charging in a slot under a peak P, in mWh.
    func siteCapacity(slot: Int, peak: Double) -> Int64 {
        let room = min(siteLimit[slot], peak) - siteFixedLoad[slot]
        return Int64((max(0, room) * slotHours * Self.unitsPerKilowattHour).rounded(.down))
    }

    /// The site's room up to the reserved capacity in a slot, in mWh (the cheap part of the sink).
    func reservedCapacity(slot: Int, peak: Double) -> Int64 {
        guard !problem.tariff.reservedCapacity.isEmpty else { return siteCapacity(slot: slot, peak: peak) }
        return min(siteCapacity(slot: slot, peak: peak), siteCapacity(slot: slot, peak: problem.tariff.reservedCapacity[slot].value))
    }

    /// Converts a per-slot flow in mWh to average kW.
    func kilowatts(_ units: Int64) -> Double { Double(units) / (slotHours * Self.unitsPerKilowattHour) }

    private static func checkCount(_ found: Int, _ what: String, _ expected: Int) throws {
        guard found == expected else { throw PlanningError.wrongSlotCount(what: what, expected: expected, found: found) }
    }

    /// For each node, itself and its ancestors up to the site.
    private static func ancestorLists(parent: [Int], ids: [String]) throws -> [[Int]] {
        try parent.indices.map { node in
            var chain = [node]
            var current = parent[node]
            while current >= 0 {
                guard chain.count <= parent.count else { throw PlanningError.cycle(node: ids[node]) }
                chain.append(current)
                current = parent[current]
            }
            return chain
        }
    }

    /// Per-slot kW the vehicle takes charging alone at full power since arrival: α·P̄, and with
    /// taper the largest p with p ≤ α · f(SoC at the slot's middle), the rule of the LP's taper rows
    /// (`StateOfChargeProgram`), so "could not be charged alone" means the same in both.
    private static func taperedRates(_ vehicle: PlanningVehicle, coverage: [Double], slotHours: Double) -> [Double] {
        guard !vehicle.powerCurve.isEmpty else { return coverage.map { $0 * vehicle.maxPower.value } }
        let curve = vehicle.sortedCurve
        let socPerKilowatt = 100 * vehicle.efficiency * slotHours / vehicle.capacity.value
        var soc = vehicle.stateOfCharge.value
        return coverage.map { alpha in
            let power = largestPower(alpha: alpha, maximum: vehicle.maxPower.value) { curvePower(curve, at: soc + socPerKilowatt * $0 / 2) }
            soc += socPerKilowatt * power
            return power
        }
    }

    /// The largest p in [0, α·maximum] with p ≤ α · min(maximum, allowed(p)), by bisection
    /// (`allowed` does not increase with p, so the condition holds on an interval from 0).
    static func largestPower(alpha: Double, maximum: Double, allowed: (Double) -> Double) -> Double {
        var low = 0.0
        var high = alpha * maximum
        if high <= alpha * min(maximum, allowed(high)) { return high }
        for _ in 0..<50 {
            let middle = (low + high) / 2
            if middle <= alpha * min(maximum, allowed(middle)) { low = middle } else { high = middle }
        }
        return low
    }

    /// The curve's power at a SoC, linear between points and flat beyond the ends.
    static func curvePower(_ curve: [PowerCurvePoint], at soc: Double) -> Double {
        guard let upper = curve.firstIndex(where: { $0.stateOfCharge.value >= soc }) else { return curve.last?.maxPower.value ?? 0 }
        guard upper > 0 else { return curve[0].maxPower.value }
        let low = curve[upper - 1]
        let high = curve[upper]
        let span = high.stateOfCharge.value - low.stateOfCharge.value
        guard span > 0 else { return high.maxPower.value }
        let share = (soc - low.stateOfCharge.value) / span
        return low.maxPower.value + share * (high.maxPower.value - low.maxPower.value)
    }
}
