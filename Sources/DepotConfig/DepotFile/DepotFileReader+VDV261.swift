import DepotModel

extension DepotFileReader {
    static let vdv261Keys: Set<String> = [
        "driveoff_encoding", "driveoff_sna", "ambienttemp", "ambienttemp_sna", "target_dist", "scale", "sna", "chrg_stat", "bat_stat",
        "h2_stat", "versions",
    ]

    /// The `vdv261:` section (docs/vdv.md B6): encodings of the fields the public material leaves open.
    /// Every key is optional; what is left out keeps the conservative default.
    func readVDV261(_ node: ConfigNode) -> VDV261Encodings? {
        guard let map = node.mapping(keys: Self.vdv261Keys) else { return nil }
        var encodings = VDV261Encodings()
        if let value = map.optional("driveoff_encoding")?.oneOf(VDV261Encodings.DriveoffEncoding.self) { encodings.driveoff = value }
        if let value = map.optional("driveoff_sna")?.integer(in: 0...65535) { encodings.driveoffNotAvailable = value }
        if let value = map.optional("ambienttemp_sna")?.integer(in: 0...65535) { encodings.ambientTemperatureNotAvailable = value }
        if let linear = map.optional("ambienttemp")?.mapping(keys: ["offset", "scale"]) {
            let offset = linear.required("offset")?.number()
            var scale: Double?
            if let scaleNode = linear.required("scale"), let value = scaleNode.number() {
                if value > 0 { scale = value } else { scaleNode.report("must be > 0") }
            }
            if let offset, let scale { encodings.ambientTemperature = VDV261Encodings.LinearEncoding(offset: offset, scale: scale) }
        }
        if let distance = map.optional("target_dist")?.mapping(keys: ["unit", "sna"]) {
            let unit = distance.required("unit")?.oneOf(VDV261Encodings.DistanceUnit.self)
            let sna = distance.required("sna")?.integer(in: 0...Int(Int32.max))
            if let unit, let sna { encodings.targetDistance = VDV261Encodings.TargetDistance(unit: unit, notAvailable: sna) }
        }
        for (key, value) in map.optional("scale").flatMap({ fields($0, allowed: VDV261Encodings.scalableFields) }) ?? [] {
            guard let factor = value.number() else { continue }
            if factor > 0 { encodings.scaleFactors[key] = factor } else { value.report("must be > 0") }
        }
        for (key, value) in map.optional("sna").flatMap({ fields($0, allowed: VDV261Encodings.requestFields) }) ?? [] {
            if let raw = value.integer() { encodings.notAvailableValues[key] = raw }
        }
        encodings.chargingStatusCodes = map.optional("chrg_stat").map { codes($0, VDV261Encodings.ChargingStatus.self) } ?? [:]
        encodings.batteryStatusCodes = map.optional("bat_stat").map { codes($0, VDV261Encodings.HealthStatus.self) } ?? [:]
        encodings.h2StatusCodes = map.optional("h2_stat").map { codes($0, VDV261Encodings.HealthStatus.self) } ?? [:]
        for (key, value) in map.optional("versions")?.freeMapping() ?? [] {
            let vehicle = VehicleID(key)
            guard vehicles.contains(where: { $0.id == vehicle }) else {
                value.report("unknown vehicle \(key)")
                continue
            }
            if let version = value.oneOf(VDV261Encodings.Version.self) { encodings.versions[vehicle] = version }
        }
        return encodings
    }

    /// A mapping whose keys must be request field names.
    private func fields(_ node: ConfigNode, allowed: [String]) -> [(key: String, value: ConfigNode)]? {
        guard let entries = node.mapping(keys: Set(allowed)) else { return nil }
        return allowed.compactMap { key in entries.optional(key).map { (key, $0) } }
    }

    /// A code table: whole-number keys (the raw code) to VDV 463 names.
    private func codes<Value: RawRepresentable & CaseIterable>(_ node: ConfigNode, _: Value.Type) -> [Int: Value] where Value.RawValue == String {
        var table: [Int: Value] = [:]
        for (key, value) in node.freeMapping() ?? [] {
            guard let code = Int(key), (0...255).contains(code) else {
                value.report("codes are whole numbers 0–255, found \"\(key)\"")
                continue
            }
            if let name = value.oneOf(Value.self) { table[code] = name }
        }
        return table
    }
}
