import DepotModel

extension DepotFileReader {
    /// Reads the nested circuit tree; a circuit's limit may not exceed its parent's (or the connection).
    mutating func readCircuits(_ node: ConfigNode, connection: Kilowatts?) {
        guard let items = node.sequence() else { return }
        for item in items { readCircuit(item, parent: nil, parentLimit: connection, parentName: "grid.connection_kw") }
    }

    private mutating func readCircuit(_ node: ConfigNode, parent: CircuitID?, parentLimit: Kilowatts?, parentName: String) {
        guard let map = node.mapping(keys: ["id", "name", "limit_kw", "base_load_kw", "children"]) else { return }
        let id: CircuitID? = map.required("id")?.identifier()
        let name = map.optional("name")?.string()
        var limit: Kilowatts?
        if let limitNode = map.required("limit_kw") {
            limit = limitNode.kilowatts()
            if let limit, let parentLimit, limit > parentLimit {
                limitNode.report("\(limit) exceeds the limit of \(parentName) (\(parentLimit))")
            }
        }
        let baseLoad = map.optional("base_load_kw")?.kilowatts(allowZero: true) ?? .zero
        if let limit, baseLoad >= limit { map.optional("base_load_kw")?.report("base load must be below the circuit's limit") }
        if let id, let idNode = map.optional("id"), checkUnique(id, among: circuits.map(\.id), what: "circuit", at: idNode), let limit {
            circuits.append(Circuit(id: id, name: name, parent: parent, limit: limit, baseLoad: baseLoad))
        }
        guard let children = map.optional("children")?.sequence() else { return }
        for child in children { readCircuit(child, parent: id, parentLimit: limit, parentName: "circuit \(id?.rawValue ?? "?")") }
    }

    mutating func readAreas(_ node: ConfigNode) {
        guard let items = node.sequence() else { return }
        for item in items {
            guard let map = item.mapping(keys: ["id", "name"]) else { continue }
            let id: AreaID? = map.required("id")?.identifier()
            let name = map.optional("name")?.string()
            if let id, let idNode = map.optional("id"), checkUnique(id, among: areas.map(\.id), what: "area", at: idNode) {
                areas.append(Area(id: id, name: name ?? id.rawValue))
            }
        }
    }
}
