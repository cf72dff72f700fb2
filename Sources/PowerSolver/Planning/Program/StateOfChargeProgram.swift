import DepotModel
import Foundation

/// The LP of docs/solver.md §2.2 with SoC states (constraint 7), in kW and kWh: the exact model
/// when vehicles taper, which no flow can express.
///
/// Taper is checked at the slot's mid SoC, p ≤ α·f((s_t + s_{t+1}) / 2): f is concave on its
/// decreasing pieces, so the row stays linear, and the midpoint follows a battery's continuous
/// taper to second order where the slot's start SoC would promise too much in a 15-minute slot.
/// States exist only from the first slot in which the taper can bind (the SoC the vehicle could
/// reach alone at full power is past the curve's first decreasing piece); before it the taper
/// cannot bind and the states would only enlarge the basis.
struct StateOfChargeProgram {
    var program = LinearProgram()
    let model: PlanningModel
    /// Per vehicle, its power columns by slot.
    private(set) var power: [[(slot: Int, column: Int)]] = []
    /// Per vehicle, the shortfall columns of stage 1 (must, and want beyond must).
    private(set) var mustShortfall: [Int] = []
    private(set) var wantShortfall: [Int] = []
    private(set) var peak = 0
    /// Per slot, the load above the reserved capacity (empty without a reserved capacity).
    private(set) var excess: [Int] = []
    /// Per node and slot, the row of its limit (nil where no vehicle hangs below it).
    private(set) var nodeRows: [[Int?]] = []
    /// Per slot, the site's peak row.
    private(set) var peakRows: [Int] = []
    /// Per vehicle, its taper rows by slot.
    private(set) var taperRows: [[(slot: Int, row: Int)]] = []

    init(_ model: PlanningModel) {
        self.model = model
        let problem = model.problem
        let hours = model.slotHours
        for (index, vehicle) in problem.vehicles.enumerated() {
            let data = model.vehicles[index]
            let cap = Self.rateCap(vehicle)
            let columns = (0..<model.slotCount).compactMap { slot -> (slot: Int, column: Int)? in
                let alpha = data.coverage[slot]
                guard alpha > 0, cap > 0 else { return nil }
                return (slot, program.addColumn(lower: 0, upper: alpha * cap))
            }
            power.append(columns)
            let energy = columns.map { ($0.column, vehicle.efficiency * hours) }
            let must = program.addColumn(lower: 0, upper: .infinity)
            let want = program.addColumn(lower: 0, upper: .infinity)
            mustShortfall.append(must)
            wantShortfall.append(want)
            program.addRow(lower: vehicle.mustEnergy.value, upper: .infinity, energy + [(must, 1)])
            program.addRow(lower: vehicle.wantedEnergy.value, upper: .infinity, energy + [(must, 1), (want, 1)])
            program.addRow(lower: -.infinity, upper: vehicle.wantedEnergy.value, energy)
            taperRows.append(addTaper(vehicle, columns, coverage: data.coverage))
        }
        peak = program.addColumn(lower: 0, upper: .infinity)
        addNodeRows()
    }

    /// The vehicle's own cap: its max power, and no more than its curve ever allows.
    static func rateCap(_ vehicle: PlanningVehicle) -> Double {
        guard let highest = vehicle.powerCurve.map(\.maxPower.value).max() else { return vehicle.maxPower.value }
        return min(vehicle.maxPower.value, highest)
    }

    /// The curve's decreasing pieces as lines f(s) = intercept − slope·s (slope > 0).
    static func taperLines(_ vehicle: PlanningVehicle) -> [(intercept: Double, slope: Double, from: Double)] {
        let curve = vehicle.sortedCurve
        return zip(curve, curve.dropFirst()).compactMap { lower, upper in
            let run = upper.stateOfCharge.value - lower.stateOfCharge.value
            let drop = lower.maxPower.value - upper.maxPower.value
            guard run > 0, drop > 0 else { return nil }
            let slope = drop / run
            return (lower.maxPower.value + slope * lower.stateOfCharge.value, slope, lower.stateOfCharge.value)
        }
    }

    private mutating func addTaper(
        _ vehicle: PlanningVehicle, _ columns: [(slot: Int, column: Int)], coverage: [Double]
    ) -> [(slot: Int, row: Int)] {
        let lines = Self.taperLines(vehicle)
        guard let knee = lines.map(\.from).min(), !columns.isEmpty else { return [] }
        let scale = 100 * vehicle.efficiency * model.slotHours / vehicle.capacity.value
        let cap = Self.rateCap(vehicle)
        // The highest SoC at the end of each slot: charging alone at the cap since arrival.
        var highest: [Double] = []
        var soc = vehicle.stateOfCharge.value
        for (slot, _) in columns {
            soc = min(vehicle.maxTarget.value, soc + scale * coverage[slot] * cap)
            highest.append(soc)
        }
        guard let first = highest.firstIndex(where: { $0 > knee }) else { return [] }
        // s_first = SoC + scale·Σ_{k<first} p_k, then s_{k+1} = s_k + scale·p_k.
        var state = program.addColumn(lower: -.infinity, upper: .infinity)
        program.addRow(
            lower: vehicle.stateOfCharge.value, upper: vehicle.stateOfCharge.value,
            [(state, 1)] + columns[..<first].map { ($0.column, -scale) })
        var rows: [(slot: Int, row: Int)] = []
        for position in first..<columns.count {
            let (slot, column) = columns[position]
            let next = program.addColumn(lower: -.infinity, upper: .infinity)
            program.addRow(lower: 0, upper: 0, [(next, 1), (state, -1), (column, -scale)])
            let alpha = coverage[slot]
            for line in lines {
                // p ≤ α·(intercept − slope·(s + s′)/2)
                rows.append((slot, program.rows.count))
                program.addRow(
                    lower: -.infinity, upper: alpha * line.intercept,
                    [(column, 1), (state, alpha * line.slope / 2), (next, alpha * line.slope / 2)])
            }
            state = next
        }
        return rows
    }

    /// Every node's limit per slot, the site's peak and reserved-capacity rows (constraints 4–6).
    private mutating func addNodeRows() {
        let problem = model.problem
        var below = Array(repeating: [Int](), count: model.parent.count)
        for (index, vehicle) in model.vehicles.enumerated() {
            var node = vehicle.node
            while node >= 0 {
                below[node].append(index)
                node = model.parent[node]
            }
        }
        let reserved = problem.tariff.reservedCapacity
        if !reserved.isEmpty { excess = (0..<model.slotCount).map { _ in program.addColumn(lower: 0, upper: .infinity) } }
        nodeRows = Array(repeating: Array(repeating: nil, count: model.slotCount), count: model.parent.count)
        for node in model.parent.indices {
            var bySlot = Array(repeating: [(column: Int, value: Double)](), count: model.slotCount)
            for vehicle in below[node] { for (slot, column) in power[vehicle] { bySlot[slot].append((column, 1)) } }
            for slot in 0..<model.slotCount {
                let terms = bySlot[slot]
                if node == model.root {
                    let fixed = model.siteFixedLoad[slot]
                    nodeRows[node][slot] = program.rows.count
                    program.addRow(lower: -.infinity, upper: max(0, model.siteLimit[slot] - fixed), terms)
                    peakRows.append(program.rows.count)
                    program.addRow(lower: -.infinity, upper: -fixed, terms + [(peak, -1)])
                    if !reserved.isEmpty {
                        program.addRow(lower: -.infinity, upper: reserved[slot].value - fixed, terms + [(excess[slot], -1)])
                    }
                } else if !terms.isEmpty {
                    nodeRows[node][slot] = program.rows.count
                    program.addRow(lower: -.infinity, upper: model.kilowatts(model.nodeCapacity[node][slot]), terms)
                }
            }
        }
    }
}
