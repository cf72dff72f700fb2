import DepotModel
import Foundation
import PowerSolver

/// Small hand-made planning problems on a 15-minute grid starting at 08:00 UTC.
struct PlanningFixture {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    var slots = 4
    var siteLimit: [Double] = [100, 100, 100, 100]
    var siteBase: [Double] = [0, 0, 0, 0]
    var prices: [Double] = [0.2, 0.2, 0.2, 0.2]
    var circuits: [PlanningNode] = []
    var vehicles: [PlanningVehicle] = []
    var reserved: [Kilowatts] = []
    var penalty: [Double] = []
    var billingPeak: Kilowatts?
    var preferences: PlanningPreferences?

    static func at(minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    /// A vehicle with a 100 kWh battery at efficiency 1, so 1 % SoC = 1 kWh = 4 kW for one slot.
    static func vehicle(
        _ id: String, node: String = "site", from: Double = 0, to: Double = 60, soc: Double = 50, min: Double? = nil,
        max: Double = 60, power: Double = 40, tier: Int = 0
    ) -> PlanningVehicle {
        PlanningVehicle(
            id: VehicleID(id), node: node, arrival: at(minutes: from), departure: at(minutes: to), capacity: 100,
            stateOfCharge: Percent(soc), minTarget: Percent(min ?? max), maxTarget: Percent(max),
            maxPower: Kilowatts(power), efficiency: 1, tier: tier)
    }

    /// The same fixture vehicle with the taper f(s) = 40 kW up to 80 %, then 2·(100 − s) kW.
    static func tapering(_ id: String, soc: Double, max: Double, power: Double = 40) -> PlanningVehicle {
        let plain = vehicle(id, soc: soc, max: max, power: power)
        return PlanningVehicle(
            id: plain.id, node: plain.node, arrival: plain.arrival, departure: plain.departure, capacity: plain.capacity,
            stateOfCharge: plain.stateOfCharge, minTarget: plain.minTarget, maxTarget: plain.maxTarget, maxPower: plain.maxPower,
            efficiency: 1, powerCurve: [PowerCurvePoint(stateOfCharge: 80, maxPower: 40), PowerCurvePoint(stateOfCharge: 100, maxPower: 0)])
    }

    static func circuit(_ id: String, parent: String = "site", limit: Double, base: Double = 0, slots: Int = 4) -> PlanningNode {
        PlanningNode(
            id: id, parent: parent, limits: Array(repeating: Kilowatts(limit), count: slots),
            baseLoad: Array(repeating: Kilowatts(base), count: slots))
    }

    var problem: PlanningProblem {
        let grid = SlotGrid(covering: Self.start, to: Self.start.addingTimeInterval(Double(slots) * 900), slotLength: .minutes(15))
        let site = PlanningNode(id: "site", parent: nil, limits: siteLimit.map { Kilowatts($0) }, baseLoad: siteBase.map { Kilowatts($0) })
        return PlanningProblem(
            grid: grid, nodes: [site] + circuits, vehicles: vehicles,
            tariff: PlanningTariff(prices: prices, reservedCapacity: reserved, excessPenalty: penalty, billingPeak: billingPeak),
            preferences: preferences)
    }

    func plan() throws -> Plan { try Planner().plan(problem) }
}

extension Plan {
    func vehicle(_ id: String) -> VehiclePlan? { vehicles.first { $0.id == VehicleID(id) } }
}

extension VehiclePlan {
    var kilowatts: [Double] { power.map { ($0.value * 1000).rounded() / 1000 } }
}
