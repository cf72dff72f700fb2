/// The time-expanded network of docs/solver.md §3.1 over a `PlanningModel`:
/// source → group (must|want, tier, η) → vehicle → (leaf node, t) → … → (site, t) → sink.
///
/// Groups are the stage-1 classes; within a class, vehicles with a higher efficiency form an
/// earlier group (greedy order on a polymatroid is optimal for battery-side energy).
struct TimeExpandedNetwork {
    /// One stage-1 class of source arcs.
    struct Group {
        let kind: ClassShortfall.Kind
        let tier: Int
        let efficiency: Double
        let arc: Int
        /// The sum of the group's tranche capacities.
        let demand: Int64
    }

    static let source = 0
    static let sink = 1

    var network: FlowNetwork
    let groups: [Group]
    let vehicleBase: Int
    let slotBase: Int
    let slotCount: Int
    /// Per vehicle, the (slot, arc) pairs of its rate arcs.
    let rateArcs: [[(slot: Int, arc: Int)]]
    /// Per node and slot, the arc to the parent (-1 for the site).
    let nodeArcs: [[Int]]
    /// Per slot, the sink arcs: up to the reserved capacity, and above it.
    let reservedArcs: [Int]
    let excessArcs: [Int]

    init(_ model: PlanningModel) {
        let vehicles = model.problem.vehicles
        struct Key: Hashable, Comparable {
            let kind: ClassShortfall.Kind
            let tier: Int
            let efficiency: Double
            static func < (lhs: Key, rhs: Key) -> Bool {
                let left = (lhs.kind == .must ? 0 : 1, -lhs.tier, -lhs.efficiency)
                let right = (rhs.kind == .must ? 0 : 1, -rhs.tier, -rhs.efficiency)
                return left < right
            }
        }
        let keys = Set(
            vehicles.flatMap { vehicle in
                [ClassShortfall.Kind.must, .want].map { Key(kind: $0, tier: vehicle.tier, efficiency: vehicle.efficiency) }
            }
        ).sorted()
        let groupIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        vehicleBase = 2 + keys.count
        slotBase = vehicleBase + vehicles.count
        slotCount = model.slotCount
        let nodeCount = model.parent.count
        var network = FlowNetwork(vertexCount: slotBase + nodeCount * slotCount, source: Self.source, sink: Self.sink)

        var demand = Array(repeating: Int64(0), count: keys.count)
        let groupArcs = keys.indices.map { network.addArc(from: Self.source, to: 2 + $0, capacity: 0) }
        var rateArcs: [[(slot: Int, arc: Int)]] = []
        for (index, vehicle) in vehicles.enumerated() {
            let data = model.vehicles[index]
            let must = groupIndex[Key(kind: .must, tier: vehicle.tier, efficiency: vehicle.efficiency)] ?? 0
            let want = groupIndex[Key(kind: .want, tier: vehicle.tier, efficiency: vehicle.efficiency)] ?? 0
            let vertex = vehicleBase + index
            _ = network.addArc(from: 2 + must, to: vertex, capacity: data.mustUnits)
            _ = network.addArc(from: 2 + want, to: vertex, capacity: data.wantUnits - data.mustUnits)
            demand[must] += data.mustUnits
            demand[want] += data.wantUnits - data.mustUnits
            var arcs: [(slot: Int, arc: Int)] = []
            for slot in 0..<slotCount where data.rateCap[slot] > 0 {
                let target = slotBase + data.node * slotCount + slot
                arcs.append((slot, network.addArc(from: vertex, to: target, capacity: data.rateCap[slot])))
            }
            rateArcs.append(arcs)
        }
        nodeArcs = (0..<nodeCount).map { node in
            guard model.parent[node] >= 0 else { return Array(repeating: -1, count: model.slotCount) }
            return (0..<model.slotCount).map { slot in
                network.addArc(
                    from: 2 + keys.count + vehicles.count + node * model.slotCount + slot,
                    to: 2 + keys.count + vehicles.count + model.parent[node] * model.slotCount + slot,
                    capacity: model.nodeCapacity[node][slot])
            }
        }
        let siteSlot = { (slot: Int) in 2 + keys.count + vehicles.count + model.root * model.slotCount + slot }
        reservedArcs = (0..<slotCount).map { network.addArc(from: siteSlot($0), to: Self.sink, capacity: 0) }
        excessArcs = (0..<slotCount).map { network.addArc(from: siteSlot($0), to: Self.sink, capacity: 0) }
        network.finalize()
        self.network = network
        self.rateArcs = rateArcs
        groups = keys.enumerated().map { index, key in
            Group(kind: key.kind, tier: key.tier, efficiency: key.efficiency, arc: groupArcs[index], demand: demand[index])
        }
    }

    /// The flow leaving the source: grid-side energy planned for all vehicles, in mWh.
    var totalFlow: Int64 { groups.reduce(0) { $0 + network.flow(on: $1.arc) } }

    /// Whether a vertex is the source or a group (the supply side, not part of a vehicle's cut).
    func isSupply(_ vertex: Int) -> Bool { vertex < vehicleBase && vertex != Self.sink }

    /// The vertex of (node, slot).
    func vertex(node: Int, slot: Int) -> Int { slotBase + node * slotCount + slot }

    /// Opens the sink for a peak: the whole site room goes through the reserved arc.
    mutating func openSink(_ model: PlanningModel, peak: Double) {
        for slot in 0..<slotCount {
            network.setCapacity(excessArcs[slot], to: 0)
            network.setCapacity(reservedArcs[slot], to: model.siteCapacity(slot: slot, peak: peak))
        }
    }

    /// The grid-side energy a vehicle gets in a slot, in mWh.
    func vehicleFlow(_ vehicle: Int) -> [Int64] {
        var flows = Array(repeating: Int64(0), count: slotCount)
        for (slot, arc) in rateArcs[vehicle] { flows[slot] = network.flow(on: arc) }
        return flows
    }

    /// The EV energy through the site in a slot, in mWh.
    func siteFlow(slot: Int) -> Int64 { network.flow(on: reservedArcs[slot]) + network.flow(on: excessArcs[slot]) }
}
