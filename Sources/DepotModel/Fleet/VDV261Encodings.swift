/// A depot's `vdv261:` section: how Busbar reads and writes the VDV 261 fields the public material
/// leaves open (vdv.md B6). The defaults send "signal not available" rather than a guess a bus
/// might act on; operators switch an encoding on once a manufacturer confirms it.
public struct VDV261Encodings: Hashable, Codable, Sendable {
    /// How `driveoff` is written.
    public enum DriveoffEncoding: String, Hashable, Codable, Sendable, CaseIterable {
        /// Always the SNA value (the default).
        case sna
        /// Minutes after local midnight of the departure, in the depot's time zone.
        case minutesOfDayLocal = "minutes_of_day_local"
    }

    /// `raw = round((°C − offset) / scale)` for `ambienttemp`.
    public struct LinearEncoding: Hashable, Codable, Sendable {
        public let offset: Double
        public let scale: Double

        public init(offset: Double, scale: Double) {
            self.offset = offset
            self.scale = scale
        }
    }

    /// The unit `target_dist` is assumed to be in.
    public enum DistanceUnit: String, Hashable, Codable, Sendable, CaseIterable {
        case kilometres = "km"
        case metres = "m"
    }

    /// `target_dist`: sent (V2 only) once a unit and its SNA value are configured. Busbar knows no
    /// target distance, so the value sent is always the SNA.
    public struct TargetDistance: Hashable, Codable, Sendable {
        public let unit: DistanceUnit
        public let notAvailable: Int

        public init(unit: DistanceUnit, notAvailable: Int) {
            self.unit = unit
            self.notAvailable = notAvailable
        }
    }

    /// The VDV 463 `vehicleChargingStatus` names a `chrg_stat` code may map to.
    public enum ChargingStatus: String, Hashable, Codable, Sendable, CaseIterable {
        case readyToCharge = "ReadyToCharge"
        case charging = "Charging"
        case chargingImpossible = "ChargingImpossible"
        case chargingAndPreconditioning = "ChargingAndPreconditioning"
        case preconditioning = "Preconditioning"
        case unknown = "Unknown"
    }

    /// The VDV 463 `batteryStatus`/`h2TankStatus` names a `bat_stat`/`h2_stat` code may map to.
    public enum HealthStatus: String, Hashable, Codable, Sendable, CaseIterable {
        case ok = "OK"
        case notOK = "NOK"
        case notAvailable = "NA"
    }

    /// The VDV 261 message version of a vehicle.
    public enum Version: String, Hashable, Codable, Sendable, CaseIterable {
        case v1 = "V1"
        case v2 = "V2"
    }

    /// The request fields whose raw values may be scaled into km, minutes and Wh.
    public static let scalableFields = ["odo", "bat_reqtime", "prec_reqtime", "bat_eamount", "prec_eamount", "bprec_eamount"]
    /// The request fields that may carry a "signal not available" value.
    public static let requestFields = scalableFields + ["chrg_stat", "h2_stat", "bat_stat"]

    public var driveoff: DriveoffEncoding
    public var driveoffNotAvailable: Int
    /// nil sends the SNA value.
    public var ambientTemperature: LinearEncoding?
    public var ambientTemperatureNotAvailable: Int
    /// nil omits `target_dist`.
    public var targetDistance: TargetDistance?
    /// Raw-value factors by request field name (`scalableFields`); absent means 1.
    public var scaleFactors: [String: Double]
    /// Raw values that mean "signal not available", by request field name (`requestFields`).
    public var notAvailableValues: [String: Int]
    public var chargingStatusCodes: [Int: ChargingStatus]
    public var batteryStatusCodes: [Int: HealthStatus]
    public var h2StatusCodes: [Int: HealthStatus]
    /// Configured message versions; a vehicle not listed is detected per message (vdv.md B2).
    public var versions: [VehicleID: Version]

    /// The conservative defaults of vdv.md B6.
    public init(
        driveoff: DriveoffEncoding = .sna, driveoffNotAvailable: Int = 65535, ambientTemperature: LinearEncoding? = nil,
        ambientTemperatureNotAvailable: Int = 255, targetDistance: TargetDistance? = nil, scaleFactors: [String: Double] = [:],
        notAvailableValues: [String: Int] = [:], chargingStatusCodes: [Int: ChargingStatus] = [:], batteryStatusCodes: [Int: HealthStatus] = [:],
        h2StatusCodes: [Int: HealthStatus] = [:], versions: [VehicleID: Version] = [:]
    ) {
        self.driveoff = driveoff
        self.driveoffNotAvailable = driveoffNotAvailable
        self.ambientTemperature = ambientTemperature
        self.ambientTemperatureNotAvailable = ambientTemperatureNotAvailable
        self.targetDistance = targetDistance
        self.scaleFactors = scaleFactors
        self.notAvailableValues = notAvailableValues
        self.chargingStatusCodes = chargingStatusCodes
        self.batteryStatusCodes = batteryStatusCodes
        self.h2StatusCodes = h2StatusCodes
        self.versions = versions
    }
}
