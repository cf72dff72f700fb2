import DepotModel
import Foundation
import PowerSolver

/// What `generate` writes: the instance for Busbar and its flat LP form for `compare.py`.
struct InstanceFile: Codable {
    let instance: GeneratedInstance
    let lp: LPData

    static func read(_ path: String) throws -> InstanceFile {
        try JSONDecoder().decode(InstanceFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// The model of docs/solver.md §2.2 in plain numbers (kW, kWh, €): windows as a first slot and the
/// coverage α of each slot from there, fixed loads per node already summed over the subtree.
struct LPData: Codable {
    struct Node: Codable {
        let id: String
        let parent: String?
        /// L_{n,t} − B_{n,t} − Q_{n,t} with B and Q summed over the node's subtree.
        let room: [Double]
    }

    struct Vehicle: Codable {
        let id: String
        let node: String
        let first: Int
        let alpha: [Double]
        let maxPower: Double
        let efficiency: Double
        let mustEnergy: Double
        let wantedEnergy: Double
        let tier: Int
        let capacity: Double
        let soc: Double
        /// (SoC %, kW) points of the taper; empty without taper.
        let curve: [[Double]]
    }

    let slotHours: Double
    let slots: Int
    let nodes: [Node]
    let vehicles: [Vehicle]
    /// Base + preconditioning load of the whole site per slot (B_t + Q_t).
    let siteFixed: [Double]
    let siteLimit: [Double]
    let prices: [Double]
    let reserved: [Double]
    let penalty: [Double]
    let freePeak: Double
    let tenantOfVehicle: [String]
    let tenantBudgets: [String: Double]

    init(_ instance: GeneratedInstance) {
        let problem = instance.problem
        let grid = problem.grid
        slotHours = grid.slotLength.hours
        slots = grid.count
        let parent = Dictionary(uniqueKeysWithValues: problem.nodes.map { ($0.id, $0.parent) })
        func chain(_ node: String) -> [String] {
            var result = [node]
            while let next = parent[result[result.count - 1]] ?? nil { result.append(next) }
            return result
        }
        var fixed = Dictionary(uniqueKeysWithValues: problem.nodes.map { ($0.id, Array(repeating: 0.0, count: grid.count)) })
        for node in problem.nodes {
            for ancestor in chain(node.id) {
                for slot in 0..<grid.count { fixed[ancestor]?[slot] += node.baseLoad[slot].value }
            }
        }
        var vehicles: [Vehicle] = []
        for vehicle in problem.vehicles {
            let window = vehicle.arrival..<vehicle.departure
            let coverage = (0..<grid.count).map { grid.coverage(of: $0, by: window) }
            let first = coverage.firstIndex { $0 > 0 } ?? 0
            let last = coverage.lastIndex { $0 > 0 } ?? -1
            if let load = vehicle.preconditioning {
                let running = max(load.start, vehicle.arrival)..<vehicle.departure
                for slot in 0..<grid.count {
                    let power = load.power.value * grid.coverage(of: slot, by: running)
                    for ancestor in chain(vehicle.node) { fixed[ancestor]?[slot] += power }
                }
            }
            vehicles.append(
                Vehicle(
                    id: vehicle.id.rawValue, node: vehicle.node, first: first, alpha: last >= first ? Array(coverage[first...last]) : [],
                    maxPower: vehicle.maxPower.value, efficiency: vehicle.efficiency, mustEnergy: vehicle.mustEnergy.value,
                    wantedEnergy: vehicle.wantedEnergy.value, tier: vehicle.tier, capacity: vehicle.capacity.value,
                    soc: vehicle.stateOfCharge.value, curve: vehicle.powerCurve.map { [$0.stateOfCharge.value, $0.maxPower.value] }))
        }
        self.vehicles = vehicles
        nodes = problem.nodes.map { node in
            Node(id: node.id, parent: node.parent, room: (0..<grid.count).map { node.limits[$0].value - (fixed[node.id]?[$0] ?? 0) })
        }
        let site = problem.nodes.first { $0.parent == nil }
        siteFixed = site.flatMap { fixed[$0.id] } ?? []
        siteLimit = site?.limits.map(\.value) ?? []
        prices = problem.tariff.prices
        reserved = problem.tariff.reservedCapacity.map(\.value)
        penalty = problem.tariff.excessPenalty
        freePeak = instance.freePeak.value
        tenantOfVehicle = problem.vehicles.map { $0.tenant?.rawValue ?? "" }
        tenantBudgets = Dictionary(uniqueKeysWithValues: problem.tenantBudgets.map { ($0.key.rawValue, $0.value.value) })
    }
}
