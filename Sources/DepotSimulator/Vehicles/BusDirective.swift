public import Foundation

/// Busbar's answer to a bus's VDV 261 POST (docs/vdv.md B4), as the bus reads it.
public struct BusDirective: Equatable, Sendable, Decodable {
    /// Echo of the request's counter.
    public var seq: Int
    /// Echo of the VIN.
    public var vin: String
    /// Planned departure, encoded (65535 = not available).
    public var driveoff: Int
    /// 1 while Busbar wants the bus to pre-condition.
    public var precDsrd: Int
    /// Climate mode 0–3.
    public var precHvac: Int
    /// Ambient temperature, encoded (255 = not available).
    public var ambienttemp: Int
    /// Target state of charge in whole percent (V2).
    public var targetSoc: Int?

    private enum CodingKeys: String, CodingKey {
        case seq, vin, driveoff, ambienttemp
        case precDsrd = "prec_dsrd"
        case precHvac = "prec_hvac"
        case targetSoc = "target_soc"
    }

    /// Reads a response body; the required fields must be there with integer values.
    public static func decode(_ body: Data) throws -> BusDirective {
        try JSONDecoder().decode(BusDirective.self, from: body)
    }
}
