public import DepotModel

/// The power each charger may draw on its own when it loses Busbar (docs/ocpp.md §13.3): installed as
/// its TxDefaultProfile and after every TxProfile's validity horizon, so an offline depot stays
/// within every limit whatever Busbar's last plan was.
///
/// For every node — each circuit, and the site under the lowest tariff-block limit less the safety
/// margin — the headroom is its limit minus its base load. Explicit `fail_safe_kw` shares are kept;
/// what remains is split equally over the node's other chargers, and a charger takes the smallest
/// such split over its ancestors (and never more than its connectors can draw). So for every node,
/// the shares of the chargers below it add up to at most its headroom.
public enum FailSafeShares {
    public static func shares(for depot: Depot) -> [ChargerID: Kilowatts] {
        let siteLimit = (depot.grid.blocks.map(\.limit) + [depot.grid.connectionLimit]).min()! - depot.grid.safetyMargin
        var nodes: [(headroom: Kilowatts, chargers: [Charger])] = [(siteLimit, depot.chargers)]
        for circuit in depot.circuits {
            nodes.append((circuit.limit - circuit.baseLoad, depot.chargers(under: circuit.id)))
        }
        var shares: [ChargerID: Kilowatts] = [:]
        for charger in depot.chargers {
            shares[charger.id] = charger.failSafePower ?? charger.maxPower
        }
        for (headroom, chargers) in nodes {
            let explicit = chargers.compactMap(\.failSafePower).sum()
            let open = chargers.filter { $0.failSafePower == nil }
            guard !open.isEmpty else { continue }
            let split = Kilowatts(max(0, (headroom - explicit).value / Double(open.count)))
            for charger in open { shares[charger.id] = min(shares[charger.id]!, split) }
        }
        return shares
    }
}
