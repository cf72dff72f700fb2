import DepotModel
import Foundation
import PowerSolver

/// The physical night the strategies of `receding` are executed in: each vehicle's SoC in
/// continuous time (steps of at most a minute, split at slot boundaries, arrivals and
/// departures). In each step a present vehicle takes the least of its commanded power times its
/// under-delivery factor, its taper at the SoC it has at the step's start, and what fills it to its
/// max target; then every node over its room (limit − base load below it) scales its vehicles down.
struct NightSimulation {
    let problem: PlanningProblem
    let underDelivery: UnderDelivery
    /// SoC (%) of every vehicle of the problem now; flat before arrival and after departure.
    private(set) var stateOfCharge: [Double]
    /// EV grid energy (kWh) per slot of the problem's grid.
    private(set) var slotEnergy: [Double]
    /// Grid energy (kWh) drawn by each vehicle.
    private(set) var vehicleEnergy: [Double]
    /// Node limit minus the base load of its subtree, per node and slot (kW).
    let room: [[Double]]
    /// Node indices from each vehicle's node up to the site.
    private let chains: [[Int]]
    /// The vehicles as master data, for the taper (`Vehicle.maxPower(atStateOfCharge:)`).
    private let models: [Vehicle]
    private static let longestStep = 60.0

    init(problem: PlanningProblem, underDelivery: UnderDelivery) throws {
        if problem.vehicles.contains(where: { $0.preconditioning != nil }) {
            throw SimulationError("preconditioning loads are not simulated; use a family without them")
        }
        self.problem = problem
        self.underDelivery = underDelivery
        stateOfCharge = problem.vehicles.map(\.stateOfCharge.value)
        slotEnergy = Array(repeating: 0, count: problem.grid.count)
        vehicleEnergy = Array(repeating: 0, count: problem.vehicles.count)
        let index = Dictionary(uniqueKeysWithValues: problem.nodes.enumerated().map { ($1.id, $0) })
        func chain(from node: String) -> [Int] {
            var result: [Int] = []
            var current = index[node]
            while let next = current, result.count <= problem.nodes.count {
                result.append(next)
                current = problem.nodes[next].parent.flatMap { index[$0] }
            }
            return result
        }
        var room = problem.nodes.map { $0.limits.map(\.value) }
        for node in problem.nodes {
            for ancestor in chain(from: node.id) {
                for slot in 0..<problem.grid.count { room[ancestor][slot] -= node.baseLoad[slot].value }
            }
        }
        self.room = room
        chains = problem.vehicles.map { chain(from: $0.node) }
        models = problem.vehicles.map {
            Vehicle(
                id: $0.id, tenant: TenantID("bench"), batteryCapacity: $0.capacity, maxPower: $0.maxPower, efficiency: $0.efficiency,
                powerCurve: $0.powerCurve)
        }
    }

    /// Whether vehicle `index` is plugged in at `instant` (arrival inclusive, departure exclusive).
    func isPresent(_ index: Int, at instant: Date) -> Bool {
        problem.vehicles[index].arrival <= instant && instant < problem.vehicles[index].departure
    }

    /// The most vehicle `index` takes at its SoC now: its maximum, lowered by its taper.
    func taperLimit(_ index: Int) -> Double { models[index].maxPower(atStateOfCharge: Percent(stateOfCharge[index])).value }

    /// Grid energy (kWh) that brings vehicle `index` from its SoC now to its max target.
    func remainingGridEnergy(_ index: Int) -> Double {
        let vehicle = problem.vehicles[index]
        return max(0, (vehicle.maxTarget.value - stateOfCharge[index]) / 100 * vehicle.capacity.value / vehicle.efficiency)
    }

    /// Runs the night from `start` to `end` with the commanded power (kW, instantaneous) that
    /// `command(vehicle, instant)` gives; it is asked at the start of every step.
    mutating func run(from start: Date, to end: Date, command: (Int, Date) -> Double) {
        let grid = problem.grid
        var power = Array(repeating: 0.0, count: problem.vehicles.count)
        var load = Array(repeating: 0.0, count: problem.nodes.count)
        var now = start
        while now < end, let slot = grid.slot(containing: now) {
            var next = min(end, grid.slotStart(slot + 1), now.addingTimeInterval(Self.longestStep))
            for vehicle in problem.vehicles {
                if vehicle.departure > now && vehicle.departure < next { next = vehicle.departure }
                if vehicle.arrival > now && vehicle.arrival < next { next = vehicle.arrival }
            }
            let hours = next.timeIntervalSince(now) / 3_600
            for index in power.indices {
                power[index] = 0
                guard isPresent(index, at: now) else { continue }
                let commanded = max(0, command(index, now)) * underDelivery.factor(vehicle: index, slot: slot)
                power[index] = min(commanded, taperLimit(index), remainingGridEnergy(index) / hours)
            }
            for node in load.indices { load[node] = 0 }
            for index in power.indices where power[index] > 0 { for node in chains[index] { load[node] += power[index] } }
            let scale = load.indices.map { load[$0] > room[$0][slot] ? max(0, room[$0][slot]) / load[$0] : 1 }
            for index in power.indices where power[index] > 0 {
                let granted = power[index] * chains[index].map { scale[$0] }.reduce(1, min)
                let vehicle = problem.vehicles[index]
                stateOfCharge[index] = min(
                    vehicle.maxTarget.value, stateOfCharge[index] + 100 * vehicle.efficiency * granted * hours / vehicle.capacity.value)
                slotEnergy[slot] += granted * hours
                vehicleEnergy[index] += granted * hours
            }
            now = next
        }
    }

    /// Checks that the battery energy delivered (Σ ΔSoC · capacity) is η times the grid energy
    /// drawn, vehicle by vehicle, and that the slots hold all of it; else the bookkeeping lost or
    /// made energy.
    func checkEnergyBalance() throws {
        var battery = 0.0
        var gridTimesEfficiency = 0.0
        for (index, vehicle) in problem.vehicles.enumerated() {
            battery += (stateOfCharge[index] - vehicle.stateOfCharge.value) / 100 * vehicle.capacity.value
            gridTimesEfficiency += vehicle.efficiency * vehicleEnergy[index]
        }
        let drawn = vehicleEnergy.reduce(0, +)
        let tolerance = 1e-6 * max(1, drawn)
        guard abs(battery - gridTimesEfficiency) <= tolerance, abs(slotEnergy.reduce(0, +) - drawn) <= tolerance else {
            throw SimulationError("energy balance: battery \(battery) kWh, η · grid \(gridTimesEfficiency) kWh")
        }
    }

    /// The site's peak (slot average of EV plus base load, as a demand meter sees it) and the
    /// energy cost of the EV load with the reserved-capacity penalties, as the planner counts them.
    func peakAndCost() -> (peak: Double, cost: Double) {
        let hours = problem.grid.slotLength.hours
        let tariff = problem.tariff
        var peak = 0.0
        var cost = 0.0
        for slot in slotEnergy.indices {
            let site = slotEnergy[slot] / hours + problem.nodes.map { $0.baseLoad[slot].value }.reduce(0, +)
            peak = max(peak, site)
            cost += tariff.prices[slot] * slotEnergy[slot]
            if !tariff.reservedCapacity.isEmpty { cost += tariff.excessPenalty[slot] * max(0, site - tariff.reservedCapacity[slot].value) }
        }
        return (peak, cost)
    }
}
