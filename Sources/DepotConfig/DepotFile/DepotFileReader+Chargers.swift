import DepotModel
import Foundation

extension DepotFileReader {
    static let chargerKeys: Set<String> = ConfigMapping.secretKeys("password", hash: true).union([
        "id", "ocpp", "security_profile", "circuit", "area", "connectors", "quirks", "fail_safe_kw", "map",
    ])

    /// - Parameter meter: the site meter's station, the one charger that may have no connectors.
    mutating func readChargers(_ node: ConfigNode, meter: ChargerID?) {
        guard let items = node.sequence() else { return }
        if items.isEmpty { node.report("a depot needs at least one charger") }
        for item in items { readCharger(item, meter: meter) }
    }

    private mutating func readCharger(_ node: ConfigNode, meter: ChargerID?) {
        guard let map = node.mapping(keys: Self.chargerKeys) else { return }
        var id: ChargerID?
        if let idNode = map.required("id"), let value: ChargerID = idNode.identifier() {
            if value.rawValue.count > 48 || value.rawValue.contains(":") {
                idNode.report("an OCPP station identity has at most 48 characters and no ':'")
            } else if checkUnique(value, among: chargers.map(\.id), what: "charger", at: idNode) {
                id = value
            }
        }
        let version = map.required("ocpp")?.oneOf(OCPPProtocolVersion.self)
        let profile = map.optional("security_profile")?.integer(in: 0...3) ?? 1
        let password = map.secret("password", required: profile == 1 || profile == 2, hash: true)
        if profile == 0 || profile == 3, password != nil {
            map.optional("security_profile")?.report("security profile \(profile) uses no password; remove the password")
        }
        let circuit = map.optional("circuit").flatMap { reference($0, in: circuits.map(\.id), what: "circuit") }
        let area = map.optional("area").flatMap { reference($0, in: areas.map(\.id), what: "area") }
        let connectors = map.optional("connectors").flatMap(readConnectors) ?? []
        if connectors.isEmpty, let id, id != meter {
            (map.optional("connectors") ?? node).report("a charger needs at least one connector (only the site meter may have none)")
        }
        let quirks = map.optional("quirks")?.sequence()?.compactMap { $0.oneOf(ChargerQuirk.self) } ?? []
        var failSafe: Kilowatts?
        if let node = map.optional("fail_safe_kw"), let value = node.kilowatts(allowZero: true) {
            let total = connectors.map(\.maxPower).sum()
            if value > total { node.report("\(value) exceeds the charger's connectors (\(total))") }
            failSafe = value
        }
        var position: MapPosition?
        if let positionMap = map.optional("map")?.mapping(keys: ["x", "y"]),
            let x = positionMap.required("x")?.number(), let y = positionMap.required("y")?.number()
        {
            position = MapPosition(x: x, y: y)
        }
        for connector in connectors { if let bay = connector.bay { bays[bay] = area } }
        guard let id, let version, !connectors.isEmpty || id == meter else { return }
        chargers.append(
            Charger(
                id: id, ocppVersion: version, securityProfile: profile, password: password, circuit: circuit, area: area,
                connectors: connectors, quirks: Set(quirks), failSafePower: failSafe, mapPosition: position
            ))
    }

    private func readConnectors(_ node: ConfigNode) -> [Connector]? {
        guard let items = node.sequence() else { return nil }
        var connectors: [Connector] = []
        for item in items {
            guard let map = item.mapping(keys: ["id", "bay", "kind", "max_kw", "min_kw", "phases"]) else { continue }
            var number: Int?
            if let idNode = map.required("id"), let value = idNode.integer(in: 1...64) {
                if connectors.contains(where: { $0.number == value }) { idNode.report("duplicate connector id \(value)") } else { number = value }
            }
            var bay: BayID?
            if let bayNode = map.optional("bay"), let value: BayID = bayNode.identifier() {
                if bays.keys.contains(value) || connectors.contains(where: { $0.bay == value }) {
                    bayNode.report("bay \(value) is already served by another connector")
                } else {
                    bay = value
                }
            }
            let kind = map.optional("kind")?.oneOf(ConnectorKind.self) ?? .dc
            let maxPower = map.required("max_kw")?.kilowatts()
            let minPower = map.optional("min_kw")?.kilowatts(allowZero: true) ?? .zero
            if let maxPower, minPower > maxPower { map.optional("min_kw")?.report("min_kw (\(minPower)) exceeds max_kw (\(maxPower))") }
            var phases: Int?
            if let phasesNode = map.optional("phases") {
                if kind == .dc {
                    phasesNode.report("phases apply to AC connectors only")
                } else if let value = phasesNode.integer(), value == 1 || value == 3 {
                    phases = value
                } else {
                    phasesNode.report("must be 1 or 3")
                }
            }
            guard let number, let maxPower, minPower <= maxPower else { continue }
            connectors.append(
                Connector(number: number, bay: bay, kind: kind, maxPower: maxPower, minPower: minPower, phases: kind == .ac ? (phases ?? 3) : nil))
        }
        return connectors
    }

    /// Explicit fail-safe shares under a circuit may not add up to more than its limit minus its
    /// base load, or an offline depot could overload it (docs/ocpp.md §13.3).
    func checkFailSafeShares(grid: GridConnection?, node: ConfigNode) {
        // The tree walk of the model, over what has been read so far.
        let topology = Depot(
            id: "topology", name: "", timeZone: .gmt, grid: GridConnection(connectionLimit: grid?.connectionLimit ?? 0),
            circuits: circuits, chargers: chargers)
        for circuit in circuits {
            let shares = topology.chargers(under: circuit.id).compactMap(\.failSafePower).sum()
            if shares > circuit.limit - circuit.baseLoad {
                node.report(
                    "fail_safe_kw of the chargers under circuit \(circuit.id) add up to \(shares), above its headroom \(circuit.limit - circuit.baseLoad)"
                )
            }
        }
        if let grid {
            let shares = chargers.compactMap(\.failSafePower).sum()
            if shares > grid.connectionLimit { node.report("fail_safe_kw of all chargers add up to \(shares), above grid.connection_kw") }
        }
    }

    /// Reads an id that must name something already declared.
    func reference<Owner>(_ node: ConfigNode, in known: [Identifier<Owner>], what: String) -> Identifier<Owner>? {
        guard let id: Identifier<Owner> = node.identifier() else { return nil }
        guard known.contains(id) else {
            node.report("unknown \(what) \(id)" + (known.isEmpty ? "" : "; declared: \(known.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        return id
    }
}
