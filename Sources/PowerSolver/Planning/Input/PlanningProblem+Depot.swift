public import DepotModel
import Foundation

extension PlanningProblem {
    /// The id of the site node that `init(depot:…)` puts at the root of the tree.
    public static let siteNodeID = "site"

    /// Builds the tree, the per-slot limits and the prices from a depot's configuration, so the
    /// runtime only adds the vehicles and the base-load forecast.
    ///
    /// A slot's site limit is the lowest block limit in force during the slot (capped by the
    /// connection limit), its price the time-weighted block price. Circuits keep their configured
    /// limit and base load; chargers without a circuit hang under the site.
    /// - Parameters:
    ///   - siteBaseLoad: forecast non-EV load at the site per slot (from the site meter); zero if nil.
    public init(depot: Depot, grid: SlotGrid, vehicles: [PlanningVehicle], siteBaseLoad: [Kilowatts]? = nil) {
        let connection = depot.grid
        var limits: [Kilowatts] = []
        var prices: [Double] = []
        for slot in 0..<grid.count {
            let interval = grid.slotStart(slot)..<grid.slotStart(slot + 1)
            let segments = connection.blockSegments(covering: interval, in: depot.timeZone)
            let blockLimit = segments.map(\.block.limit).min() ?? connection.connectionLimit
            limits.append(min(connection.connectionLimit, blockLimit))
            let weighted = segments.map { $0.block.pricePerKilowattHour * $0.interval.upperBound.timeIntervalSince($0.interval.lowerBound) }
            let covered = segments.map { $0.interval.upperBound.timeIntervalSince($0.interval.lowerBound) }.reduce(0, +)
            prices.append(covered > 0 ? weighted.reduce(0, +) / covered : 0)
        }
        let site = PlanningNode(
            id: Self.siteNodeID, parent: nil, limits: limits,
            baseLoad: siteBaseLoad ?? Array(repeating: .zero, count: grid.count))
        let circuits = depot.circuits.map { circuit in
            PlanningNode(
                id: circuit.id.rawValue, parent: circuit.parent?.rawValue ?? Self.siteNodeID,
                limits: Array(repeating: circuit.limit, count: grid.count), baseLoad: Array(repeating: circuit.baseLoad, count: grid.count))
        }
        let budgets = depot.tenants.compactMap { tenant in tenant.powerBudget.map { (tenant.id, $0) } }
        self.init(
            grid: grid, nodes: [site] + circuits, vehicles: vehicles, tariff: PlanningTariff(prices: prices),
            tenantBudgets: Dictionary(budgets, uniquingKeysWith: { first, _ in first }))
    }

    /// The tree node a charger hangs under in a problem built by `init(depot:…)`.
    public static func node(of charger: Charger) -> String { charger.circuit?.rawValue ?? siteNodeID }
}
