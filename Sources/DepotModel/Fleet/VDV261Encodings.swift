/// A depot's `vdv261:` section: how Busbar reads and writes the VDV 261 fields the public material
/// leaves open (docs/vdv.md B6). The defaults send "signal not available" rather than a guess a bus
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
        /// °C at raw value 0.
        public let offset: Double
        /// °C per raw step (> 0).
        public let scale: Double

        /// A linear encoding.
        public init(offset: Double, scale: Double) {
            self.offset = offset
            self.scale = scale
        }
    }

    /// The unit `target_dist` is assumed to be in.
    public enum DistanceUnit: String, Hashable, Codable, Sendable, CaseIterable {
        /// `km`.
        case kilometres = "km"
        /// `m`.
        case metres = "m"
    }

    /// `target_dist`: sent (V2 only) once a unit and its SNA value are configured. Busbar knows no
    /// target distance, so the value sent is always the SNA.
    public struct TargetDistance: Hashable, Codable, Sendable {
        /// The assumed unit, documented for the day a distance is known.
        public let unit: DistanceUnit
        /// The SNA value sent.
        public let notAvailable: Int

        /// A configured `target_dist`.
        public init(unit: DistanceUnit, notAvailable: Int) {
            self.unit = unit
            self.notAvailable = notAvailable
        }
    }

    /// The VDV 463 `vehicleChargingStatus` names a `chrg_stat` code may map to.
    public enum ChargingStatus: String, Hashable, Codable, Sendable, CaseIterable {
        // The cases are the VDV 463 2.0.0 values of the same name.
        case readyToCharge = "ReadyToCharge"
        case charging = "Charging"
        case chargingImpossible = "ChargingImpossible"
        case chargingAndPreconditioning = "ChargingAndPreconditioning"
        case preconditioning = "Preconditioning"
        case unknown = "Unknown"
    }

    /// The VDV 463 `batteryStatus`/`h2TankStatus` names a `bat_stat`/`h2_stat` code may map to.
    public enum HealthStatus: String, Hashable, Codable, Sendable, CaseIterable {
        // The cases are the VDV 463 2.0.0 values `OK`, `NOK` and `NA`.
        case ok = "OK"
        case notOK = "NOK"
        case notAvailable = "NA"
    }

    /// The VDV 261 message version of a vehicle.
    public enum Version: String, Hashable, Codable, Sendable, CaseIterable {
        // Edition 1 and edition 2 messages (docs/vdv.md B2).
        case v1 = "V1"
        case v2 = "V2"
    }

    /// The request fields whose raw values may be scaled into km, minutes and Wh.
    public static let scalableFields = ["odo", "bat_reqtime", "prec_reqtime", "bat_eamount", "prec_eamount", "bprec_eamount"]
    /// The request fields that may carry a "signal not available" value.
    public static let requestFields = scalableFields + ["chrg_stat", "h2_stat", "bat_stat"]

    /// How `driveoff` is written; default SNA.
    public var driveoff: DriveoffEncoding
    /// The `driveoff` SNA value, 65535.
    public var driveoffNotAvailable: Int
    /// How `ambienttemp` is written; nil sends the SNA value.
    public var ambientTemperature: LinearEncoding?
    /// The `ambienttemp` SNA value, 255.
    public var ambientTemperatureNotAvailable: Int
    /// nil omits `target_dist`.
    public var targetDistance: TargetDistance?
    /// Raw-value factors by request field name (`scalableFields`); absent means 1.
    public var scaleFactors: [String: Double]
    /// Raw values that mean "signal not available", by request field name (`requestFields`).
    public var notAvailableValues: [String: Int]
    /// Code tables for `chrg_stat`, `bat_stat` and `h2_stat`; unlisted codes are `Unknown` / `NA`.
    public var chargingStatusCodes: [Int: ChargingStatus]
    public var batteryStatusCodes: [Int: HealthStatus]
    public var h2StatusCodes: [Int: HealthStatus]
    /// Configured message versions; a vehicle not listed is detected per message (docs/vdv.md B2).
    public var versions: [VehicleID: Version]

    /// The conservative defaults of docs/vdv.md B6.
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
