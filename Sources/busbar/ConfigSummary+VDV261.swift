import DepotModel

extension ConfigSummary {
    /// The VDV 261 encodings in force, defaults included, so operators see what Busbar assumes
    /// where the standard is not public (docs/vdv.md B6).
    static func describe(_ encodings: VDV261Encodings) -> [String] {
        let ambient =
            encodings.ambientTemperature.map { "offset \(number($0.offset)) scale \(number($0.scale))" } ?? "sna"
        let distance = encodings.targetDistance.map { "\($0.unit.rawValue), sna \($0.notAvailable)" } ?? "omitted"
        let scales = VDV261Encodings.scalableFields.map { "\($0)×\(number(encodings.scaleFactors[$0] ?? 1))" }
        let snas = encodings.notAvailableValues.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        func table<Value: RawRepresentable>(_ codes: [Int: Value]) -> String where Value.RawValue == String {
            codes.isEmpty ? "none" : codes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: " ")
        }
        let versions = encodings.versions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }
        return [
            "  vdv261     driveoff \(encodings.driveoff.rawValue) (sna \(encodings.driveoffNotAvailable)), ambienttemp \(ambient) "
                + "(sna \(encodings.ambientTemperatureNotAvailable)), target_dist \(distance)",
            "  vdv261     scale \(scales.joined(separator: " ")); request sna \(snas.isEmpty ? "none" : snas.joined(separator: " "))",
            "  vdv261     chrg_stat \(table(encodings.chargingStatusCodes)); bat_stat \(table(encodings.batteryStatusCodes)); "
                + "h2_stat \(table(encodings.h2StatusCodes)); versions \(versions.isEmpty ? "detected per message" : versions.joined(separator: " "))",
        ]
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
