import DepotModel
import Foundation
import VDV

extension VDV261.Settings {
    /// The codec settings of a depot's `vdv261:` section; `minutes_of_day_local` counts in the
    /// depot's time zone.
    init(depot: Depot) {
        let encodings = depot.vdv261
        self.init(
            driveoff: encodings.driveoff == .minutesOfDayLocal ? .minutesOfDayLocal(depot.timeZone) : .notAvailable,
            driveoffNotAvailable: encodings.driveoffNotAvailable,
            ambientTemperature: encodings.ambientTemperature.map { .linear(offset: $0.offset, scale: $0.scale) } ?? .notAvailable,
            ambientTemperatureNotAvailable: encodings.ambientTemperatureNotAvailable,
            chargingStatusCodes: encodings.chargingStatusCodes.mapValues { VDV463.VehicleChargingStatus(rawValue: $0.rawValue) },
            batteryStatusCodes: encodings.batteryStatusCodes.mapValues { VDV463.HealthStatus(rawValue: $0.rawValue) },
            h2StatusCodes: encodings.h2StatusCodes.mapValues { VDV463.HealthStatus(rawValue: $0.rawValue) },
            notAvailableValues: Dictionary(
                encodings.notAvailableValues.compactMap { key, value in VDV261.Field(rawValue: key).map { ($0, value) } },
                uniquingKeysWith: { first, _ in first }),
            scaleFactors: Dictionary(
                encodings.scaleFactors.compactMap { key, value in VDV261.Field(rawValue: key).map { ($0, value) } },
                uniquingKeysWith: { first, _ in first }),
            targetDistanceNotAvailable: encodings.targetDistance?.notAvailable)
    }
}
