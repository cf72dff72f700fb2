public import Foundation

extension VDV261.Settings {
    /// `driveoff` for a departure; SNA when none is planned or the encoding is unknown.
    public func driveoffValue(for departure: Date?) -> Int {
        guard let departure, case .minutesOfDayLocal(let timeZone) = driveoff else { return driveoffNotAvailable }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: departure)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// `ambienttemp` for a temperature in °C; SNA when unknown, unencodable or out of range.
    public func ambientTemperatureValue(for celsius: Double?) -> Int {
        guard let celsius, case .linear(let offset, let scale) = ambientTemperature, scale != 0 else {
            return ambientTemperatureNotAvailable
        }
        let raw = ((celsius - offset) / scale).rounded()
        guard raw >= 0, raw < Double(ambientTemperatureNotAvailable) else { return ambientTemperatureNotAvailable }
        return Int(raw)
    }

    /// `prec_hvac` for a VDV 463 preconditioning mode (docs/vdv.md B5); SNA (3) for `SNA`, unknown or no mode.
    public func climateModeValue(for mode: VDV463.PreconditioningRequest?) -> Int {
        switch mode {
        case .warmWaterAndVentilation?: 0
        case .hotWaterAndHeating?: 1
        case .noWaterCoolingOrVentilation?: 2
        case .noClimaticPreconditioningOrSNA?, .noClimatePreconditioningOrAutomaticPreselectionByTheVehicle?: 3
        default: climateModeNotAvailable
        }
    }

    /// `vehicleChargingStatus` for a raw `chrg_stat`: the table's entry, else `Unknown`.
    public func chargingStatus(for raw: Int) -> VDV463.VehicleChargingStatus {
        chargingStatusCodes[raw] ?? .unknown
    }

    /// `batteryStatus` for a raw `bat_stat`: the table's entry, else `NA`.
    public func batteryStatus(for raw: Int) -> VDV463.HealthStatus {
        batteryStatusCodes[raw] ?? .notAvailable
    }

    /// `h2TankStatus` for a raw `h2_stat`: the table's entry, else `NA`.
    public func h2TankStatus(for raw: Int) -> VDV463.HealthStatus {
        h2StatusCodes[raw] ?? .notAvailable
    }

    /// A raw value in the assumed unit (km, minutes, Wh) after the field's scale factor, rounded.
    public func scaled(_ raw: Int?, _ field: VDV261.Field) -> Int? {
        raw.map { Int((Double($0) * (scaleFactors[field] ?? 1)).rounded()) }
    }
}
