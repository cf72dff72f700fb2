public import Foundation

extension VDV261 {
    /// The encodings Busbar assumes where VDV 261 is not public (docs/vdv.md B6). The defaults send
    /// "signal not available" rather than a guess a bus might act on; operators switch encodings on
    /// per depot once a manufacturer confirms them.
    public struct Settings: Equatable, Sendable {
        /// How `driveoff` is written.
        public enum DriveoffEncoding: Equatable, Sendable {
            /// Always the SNA value.
            case notAvailable
            /// Minutes after local midnight of the departure, in this time zone (one known implementation).
            case minutesOfDayLocal(TimeZone)
        }

        /// How `ambienttemp` is written.
        public enum AmbientTemperatureEncoding: Equatable, Sendable {
            /// Always the SNA value.
            case notAvailable
            /// `raw = round((°C − offset) / scale)`; values outside 0 … SNA−1 are sent as SNA.
            case linear(offset: Double, scale: Double)
        }

        /// Encoding of `driveoff`; default SNA.
        public var driveoff: DriveoffEncoding
        /// The `driveoff` SNA value, 65535.
        public var driveoffNotAvailable: Int
        /// Encoding of `ambienttemp`; default SNA.
        public var ambientTemperature: AmbientTemperatureEncoding
        /// The `ambienttemp` SNA value, 255.
        public var ambientTemperatureNotAvailable: Int
        /// The `prec_hvac` sent when no mode is known: 3, "no climate preconditioning / vehicle preselection", safe in V1 and V2.
        public var climateModeNotAvailable: Int
        /// `chrg_stat` code table; unlisted codes map to `Unknown`.
        public var chargingStatusCodes: [Int: VDV463.VehicleChargingStatus]
        /// `bat_stat` code table; unlisted codes map to `NA`.
        public var batteryStatusCodes: [Int: VDV463.HealthStatus]
        /// `h2_stat` code table; unlisted codes map to `NA`.
        public var h2StatusCodes: [Int: VDV463.HealthStatus]
        /// Raw values that mean "signal not available" for a field; such a value is merged as if
        /// the field were absent. Only configured values count, so no sentinel is read as data.
        public var notAvailableValues: [Field: Int]
        /// Factors turning a field's raw value into km, minutes or Wh (the assumed units); absent means 1.
        public var scaleFactors: [Field: Double]
        /// The `target_dist` SNA value once a unit is configured; nil omits `target_dist`. Busbar
        /// knows no target distance, so this value is what V2 vehicles get.
        public var targetDistanceNotAvailable: Int?

        /// Settings with the conservative defaults of docs/vdv.md B6.
        public init(
            driveoff: DriveoffEncoding = .notAvailable,
            driveoffNotAvailable: Int = 65535,
            ambientTemperature: AmbientTemperatureEncoding = .notAvailable,
            ambientTemperatureNotAvailable: Int = 255,
            climateModeNotAvailable: Int = 3,
            chargingStatusCodes: [Int: VDV463.VehicleChargingStatus] = [:],
            batteryStatusCodes: [Int: VDV463.HealthStatus] = [:],
            h2StatusCodes: [Int: VDV463.HealthStatus] = [:],
            notAvailableValues: [Field: Int] = [:],
            scaleFactors: [Field: Double] = [:],
            targetDistanceNotAvailable: Int? = nil
        ) {
            self.driveoff = driveoff
            self.driveoffNotAvailable = driveoffNotAvailable
            self.ambientTemperature = ambientTemperature
            self.ambientTemperatureNotAvailable = ambientTemperatureNotAvailable
            self.climateModeNotAvailable = climateModeNotAvailable
            self.chargingStatusCodes = chargingStatusCodes
            self.batteryStatusCodes = batteryStatusCodes
            self.h2StatusCodes = h2StatusCodes
            self.notAvailableValues = notAvailableValues
            self.scaleFactors = scaleFactors
            self.targetDistanceNotAvailable = targetDistanceNotAvailable
        }
    }
}
