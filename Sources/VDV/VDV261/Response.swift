public import Foundation

extension VDV261 {
    /// Busbar's answer to a vehicle's POST (docs/vdv.md B4): echoes `seq` and `vin` and carries the
    /// directives encoded per `Settings`. `target_dist` is sent only when configured (its unit is unknown).
    public struct Response: Equatable, Sendable {
        /// Echo of the request.
        public var seq: Int
        /// Echo of the request.
        public var vin: String
        /// Planned departure, encoded.
        public var driveoff: Int
        /// 1 while Busbar wants the bus to precondition, else 0.
        public var precDsrd: Int
        /// Climate mode 0–3.
        public var precHvac: Int
        /// Ambient temperature, encoded.
        public var ambienttemp: Int
        /// Target state of charge in whole %, V2 only.
        public var targetSoc: Int?
        /// Target distance, V2 only and only when configured: always its SNA value.
        public var targetDist: Int?

        /// The reply to `request` for a vehicle of `version`.
        public init(replyingTo request: Request, decision: Decision, version: Version, settings: Settings) {
            seq = request.seq
            vin = request.vin
            driveoff = settings.driveoffValue(for: decision.departure)
            precDsrd = decision.preconditioningDesired ? 1 : 0
            precHvac = settings.climateModeValue(for: decision.climateMode)
            ambienttemp = settings.ambientTemperatureValue(for: decision.ambientTemperature)
            targetSoc = version == .v2 ? decision.targetSoc.map { Int(min(max($0, 0), 100).rounded()) } : nil
            targetDist = version == .v2 ? settings.targetDistanceNotAvailable : nil
        }

        /// The body: a JSON object in the field order of docs/vdv.md B7, ASCII only (anything else escaped as `\uXXXX`).
        public func encoded() -> Data {
            var fields = [
                ("seq", "\(seq)"), ("vin", Self.quoted(vin)), ("driveoff", "\(driveoff)"), ("prec_dsrd", "\(precDsrd)"),
                ("prec_hvac", "\(precHvac)"), ("ambienttemp", "\(ambienttemp)"),
            ]
            if let targetSoc { fields.append(("target_soc", "\(targetSoc)")) }
            if let targetDist { fields.append(("target_dist", "\(targetDist)")) }
            let text = "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
            return Data(text.utf8)
        }

        private static func quoted(_ text: String) -> String {
            var result = "\""
            for unit in text.utf16 {
                switch unit {
                case 0x22: result += "\\\""
                case 0x5C: result += "\\\\"
                case 0x20...0x7E: result.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
                default: result += "\\u" + String(repeating: "0", count: 4 - String(unit, radix: 16).count) + String(unit, radix: 16)
                }
            }
            return result + "\""
        }
    }
}
