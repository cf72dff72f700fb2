import DepotModel

extension DepotFileReader {
    static let vehicleKeys: Set<String> = ConfigMapping.secretKeys("vdv261_password").union([
        "id", "vin", "tenant", "battery_kwh", "max_kw", "efficiency", "power_curve", "id_tokens",
    ])

    mutating func readVehicles(_ node: ConfigNode) {
        guard let items = node.sequence() else { return }
        var tokenOwners: [String: VehicleID] = [:]
        for item in items {
            guard let map = item.mapping(keys: Self.vehicleKeys) else { continue }
            var id: VehicleID?
            if let idNode = map.required("id"), let value: VehicleID = idNode.identifier(),
                checkUnique(value, among: vehicles.map(\.id), what: "vehicle", at: idNode)
            {
                id = value
            }
            var vin: String?
            if let vinNode = map.optional("vin"), let text = vinNode.string() {
                if !(11...17).contains(text.count) || !text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                    vinNode.report("a VIN has 11–17 letters and digits")
                } else if vehicles.contains(where: { $0.vin == text }) {
                    vinNode.report("VIN \(text) is already used by another vehicle")
                } else {
                    vin = text
                }
            }
            let tenant = map.required("tenant").flatMap { reference($0, in: tenants.map(\.id), what: "tenant") }
            let battery = map.required("battery_kwh")?.kilowattHours()
            let maxPower = map.required("max_kw")?.kilowatts()
            var efficiency = 0.93
            if let node = map.optional("efficiency"), let value = node.number() {
                if value > 0 && value <= 1 { efficiency = value } else { node.report("must be in (0, 1]") }
            }
            let curve = map.optional("power_curve").flatMap(readPowerCurve) ?? []
            var tokens: [String] = []
            for tokenNode in map.optional("id_tokens")?.sequence() ?? [] {
                guard let token = tokenNode.string() else { continue }
                if let owner = tokenOwners[token.uppercased()], owner != id {
                    tokenNode.report("token \(token) already identifies vehicle \(owner)")
                } else if token.count > 40 {
                    tokenNode.report("OCPP id tokens have at most 40 characters (1.6: 20)")
                } else {
                    tokens.append(token)
                    if let id { tokenOwners[token.uppercased()] = id }
                }
            }
            let password = map.secret("vdv261_password", required: false)
            guard let id, let tenant, let battery, let maxPower else { continue }
            vehicles.append(
                Vehicle(
                    id: id, vin: vin, tenant: tenant, batteryCapacity: battery, maxPower: maxPower, efficiency: efficiency,
                    powerCurve: curve, idTokens: tokens, vdv261Password: password
                ))
        }
    }

    /// Points in strictly ascending SoC.
    private func readPowerCurve(_ node: ConfigNode) -> [PowerCurvePoint]? {
        guard let items = node.sequence() else { return nil }
        var points: [PowerCurvePoint] = []
        for item in items {
            guard let map = item.mapping(keys: ["soc", "max_kw"]) else { continue }
            let soc = map.required("soc")?.percent()
            let power = map.required("max_kw")?.kilowatts(allowZero: true)
            guard let soc, let power else { continue }
            if let last = points.last, soc <= last.stateOfCharge {
                map.optional("soc")?.report("points must be in ascending SoC")
                continue
            }
            points.append(PowerCurvePoint(stateOfCharge: soc, maxPower: power))
        }
        return points
    }
}
