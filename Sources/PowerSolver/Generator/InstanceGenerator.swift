import DepotModel
public import Foundation

/// The seeded benchmark generator of docs/solver.md §7: a night 16:00 → 08:00 (UTC) with N buses,
/// portable across machines (own SplitMix64, Box–Muller), written as JSON so every solver reads the
/// same numbers.
public enum InstanceGenerator {
    /// 2026-01-15 16:00 UTC, the start of every generated night.
    public static let nightStart = Date(timeIntervalSince1970: 1_768_492_800)
    static let horizonHours = 16.0

    /// Generates the instance a spec names; P*_free comes from an unconstrained stage 1 + 2 solve.
    public static func make(_ spec: InstanceSpec) throws -> GeneratedInstance {
        // The base draws come from one stream and the family's extra draws from another, so every
        // family shares the same buses for the same (N, seed) and differs only in its feature.
        var random = SplitMix64(seed: spec.seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(spec.vehicles))
        var extras = SplitMix64(seed: spec.seed &* 0x9E37_79B9 &+ spec.family.salt &* 0xD1B5_4A32_D192_ED03)
        let grid = SlotGrid(
            covering: nightStart, to: nightStart.addingTimeInterval(horizonHours * 3_600), slotLength: .minutes(spec.slotMinutes))
        let cabinets = spec.family == .tree ? 10 : 0
        var vehicles: [PlanningVehicle] = []
        for index in 0..<spec.vehicles {
            vehicles.append(vehicle(index, spec: spec, cabinets: cabinets, random: &random, extras: &extras))
        }
        let chargerSum = Dictionary(grouping: vehicles, by: \.node).mapValues { $0.map(\.maxPower.value).reduce(0, +) }
        let cabinetShares = (0..<cabinets).map { _ in extras.uniform(0.6, 0.8) }
        let hours = (0..<grid.count).map { Double($0) * grid.slotLength.hours + 16 }
        let prices = hours.map { hour in (24..<30).contains(hour) ? 0.12 : 0.25 }

        func nodes(siteLimit: (Int) -> Double, base: (Int) -> Double) -> [PlanningNode] {
            let count = grid.count
            var nodes = [
                PlanningNode(
                    id: "site", parent: nil, limits: (0..<count).map { Kilowatts(siteLimit($0)) },
                    baseLoad: (0..<count).map { Kilowatts(base($0)) })
            ]
            guard cabinets > 0 else { return nodes }
            for transformer in 0..<2 {
                let limit = 0.6 * (siteLimit(0) - base(0))
                nodes.append(
                    PlanningNode(
                        id: "transformer-\(transformer + 1)", parent: "site", limits: Array(repeating: Kilowatts(limit), count: count),
                        baseLoad: Array(repeating: .zero, count: count)))
            }
            for cabinet in 0..<cabinets {
                let limit = cabinetShares[cabinet] * (chargerSum["cabinet-\(cabinet + 1)"] ?? 0)
                nodes.append(
                    PlanningNode(
                        id: "cabinet-\(cabinet + 1)", parent: "transformer-\(cabinet % 2 + 1)",
                        limits: Array(repeating: Kilowatts(limit), count: count), baseLoad: Array(repeating: .zero, count: count)))
            }
            return nodes
        }

        let unlimited = vehicles.map(\.maxPower.value).reduce(0, +) * 2 + 1
        let free = PlanningProblem(
            grid: grid, nodes: nodes(siteLimit: { _ in unlimited }, base: { _ in 0 }), vehicles: vehicles,
            tariff: PlanningTariff(prices: prices))
        let freePeak = try Planner().plan(free).objectives.peak.value
        let limit = spec.theta * freePeak
        let base = hours.map { hour in 0.05 * limit * (1 + 0.3 * cos(2 * Double.pi * (hour - 18) / 24)) }
        let inWindow = hours.map { hour in hour >= 17 && hour < 20 }
        let siteLimit = (0..<grid.count).map { slot in (spec.family == .reserved && inWindow[slot] ? 0.7 : 1) * limit + base[slot] }
        var tariff = PlanningTariff(prices: prices)
        if spec.family == .reserved {
            tariff = PlanningTariff(
                prices: prices, reservedCapacity: (0..<grid.count).map { Kilowatts(0.6 * limit + base[$0]) },
                excessPenalty: inWindow.map { $0 ? 1.0 : 0.1 })
        }
        let budgets: [TenantID: Kilowatts] =
            spec.family == .tenants
            ? ["tenant-1": Kilowatts(0.4 * limit), "tenant-2": Kilowatts(0.25 * limit), "tenant-3": Kilowatts(0.15 * limit)] : [:]
        let problem = PlanningProblem(
            grid: grid, nodes: nodes(siteLimit: { siteLimit[$0] }, base: { base[$0] }), vehicles: vehicles, tariff: tariff,
            tenantBudgets: budgets)
        return GeneratedInstance(spec: spec, problem: problem, freePeak: Kilowatts(freePeak))
    }

    private static func vehicle(
        _ index: Int, spec: InstanceSpec, cabinets: Int, random: inout SplitMix64, extras: inout SplitMix64
    ) -> PlanningVehicle {
        let arrivalHour = random.unit() < 0.5 ? random.normal(mean: 19.5, deviation: 1) : random.normal(mean: 22.5, deviation: 1)
        let arrival = min(max(arrivalHour, 16.5), 25.5) - 16
        let departure = min(max(random.normal(mean: 29.5, deviation: 0.75), 27.5), 31.5) - 16
        let capacity = [250.0, 300, 350, 400, 450, 500, 560, 600][random.index(below: 8)]
        let soc = random.uniform(15, 50)
        let maxTarget = random.uniform(90, 100)
        let draw = random.unit()
        let charger = draw < 0.2 ? 50.0 : draw < 0.6 ? 100 : 150
        let maxPower = min(charger, 0.5 * capacity)
        let minTarget = spec.family == .tiers ? extras.uniform(60, 80) : maxTarget
        let tier = spec.family == .tiers && extras.unit() < 0.2 ? 1 : 0
        let departureDate = nightStart.addingTimeInterval(departure * 3_600)
        let preconditioning =
            spec.family == .precond && extras.unit() < 0.3
            ? PreconditioningLoad(power: 20, start: departureDate.addingTimeInterval(-1_800)) : nil
        let node = cabinets > 0 ? "cabinet-\(extras.index(below: cabinets) + 1)" : "site"
        let tenant = spec.family == .tenants ? TenantID("tenant-\(extras.index(below: 3) + 1)") : nil
        return PlanningVehicle(
            id: VehicleID(String(format: "bus-%04d", index + 1)), node: node, arrival: nightStart.addingTimeInterval(arrival * 3_600),
            departure: departureDate, capacity: KilowattHours(capacity), stateOfCharge: Percent(soc), minTarget: Percent(minTarget),
            maxTarget: Percent(maxTarget), maxPower: Kilowatts(maxPower), efficiency: 0.93, tier: tier,
            powerCurve: spec.family == .taper
                ? [PowerCurvePoint(stateOfCharge: 80, maxPower: Kilowatts(maxPower)), PowerCurvePoint(stateOfCharge: 100, maxPower: 0)] : [],
            preconditioning: preconditioning, tenant: tenant)
    }
}
