public import DepotModel
public import Foundation
public import PowerSolver

/// The best any controller could have done on a simulated night, known only in hindsight: every
/// plug window and arrival SoC of the night known in advance, each battery's own taper, the
/// depot's limits and blocks, solved exactly by the planner's pure stages (least energy short of
/// the minimum targets first, then of the maximum targets). The demo and the night bench measure
/// what Busbar delivered against it (issue 13, 5c).
///
/// It is an upper bound in energy, not in buses: least unmet energy is not always most buses at
/// their minimum. It ignores what the simulation adds on top of the batteries (pre-conditioning
/// loads) and plans in 15-minute slots with the taper at the slot's mid SoC (docs/solver.md §3.2).
public struct HindsightOptimum: Sendable {
    /// Per visit of the plan, in its order: the SoC the optimum leaves with, nil for a visit the
    /// problem cannot hold (a vehicle or charger not in the depot).
    public let departureSoC: [Double?]
    /// Battery-side energy per visit in kWh, 0 where `departureSoC` is nil.
    public let energy: [Double]

    /// Solves the night of `plan` at `depot`.
    public init(depot: Depot, plan: SimulationPlan, slotLength: Duration = .seconds(900)) throws {
        var vehicles: [PlanningVehicle] = []
        var rows: [Int?] = []
        for (index, visit) in plan.visits.enumerated() {
            guard let vehicle = Self.vehicle(of: visit, depot: depot, plan: plan, index: index) else {
                rows.append(nil)
                continue
            }
            rows.append(vehicles.count)
            vehicles.append(vehicle)
        }
        guard let start = plan.visits.map(\.arrival).min(), let end = plan.visits.map(\.departure).max(), start < end else {
            departureSoC = rows.map { _ in nil }
            energy = rows.map { _ in 0 }
            return
        }
        let problem = PlanningProblem(depot: depot, grid: SlotGrid(covering: start, to: end, slotLength: slotLength), vehicles: vehicles)
        let result = try Planner().plan(problem)
        let byID = Dictionary(result.vehicles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        departureSoC = rows.map { row in row.flatMap { byID[vehicles[$0].id]?.departureStateOfCharge.value } }
        energy = rows.map { row in row.flatMap { byID[vehicles[$0].id]?.deliveredEnergy.value } ?? 0 }
    }

    /// The vehicle and the timetable stay a visit stands for.
    public static func stay(of visit: VehicleVisit, depot: Depot) -> (vehicle: Vehicle, entry: DailyTimetableEntry)? {
        guard let vehicle = depot.vehicle(identifiedBy: visit.vehicle.idToken),
            let entry = depot.timetable.first(where: { $0.vehicle == vehicle.id })
        else { return nil }
        return (vehicle, entry)
    }

    /// The planner's view of one visit: its own window, arrival SoC and battery taper (flat to
    /// `taperStartSoC`, then linear to the floor at 100 %), capped by its connector.
    static func vehicle(of visit: VehicleVisit, depot: Depot, plan: SimulationPlan, index: Int) -> PlanningVehicle? {
        guard let (vehicle, entry) = stay(of: visit, depot: depot), plan.stations.indices.contains(visit.station),
            let charger = depot.charger(ChargerID(plan.stations[visit.station].id)),
            let connector = charger.connector(visit.connector)
        else { return nil }
        let battery = visit.vehicle.battery
        let maxPower = min(battery.maxPowerKW, connector.maxPower.value, plan.stations[visit.station].connectorMaxKW)
        return PlanningVehicle(
            id: VehicleID("\(vehicle.id.rawValue)#\(index)"), node: PlanningProblem.node(of: charger), arrival: visit.arrival,
            departure: visit.departure, capacity: KilowattHours(battery.capacityKWh), stateOfCharge: Percent(battery.stateOfCharge),
            minTarget: entry.minimumSoC, maxTarget: entry.maximumSoC, maxPower: Kilowatts(maxPower),
            efficiency: battery.efficiency,
            powerCurve: [
                PowerCurvePoint(stateOfCharge: Percent(battery.taperStartSoC), maxPower: Kilowatts(battery.maxPowerKW)),
                PowerCurvePoint(stateOfCharge: Percent(100), maxPower: Kilowatts(battery.floorPowerKW)),
            ])
    }
}
