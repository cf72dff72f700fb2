public import Foundation

/// One measured value of a station's meter, normalised to Busbar's units (kWh, kW, A, V, %), with
/// the OCPP descriptors that make it unique (docs/ocpp.md §6: station, transaction or connector,
/// timestamp, measurand, phase, context, location).
public struct MeterSample: Hashable, Codable, Sendable {
    public let connector: Int
    public let sampledAt: Date
    /// OCPP measurand, e.g. `Energy.Active.Import.Register`, `Power.Active.Import`, `SoC`.
    public let measurand: String
    public let value: Double
    /// The normalised unit of `value`: `kWh`, `kW`, `A`, `V`, `Percent`, or the station's own.
    public let unit: String
    public let phase: String?
    public let context: String?
    public let location: String?

    public init(
        connector: Int, sampledAt: Date, measurand: String, value: Double, unit: String, phase: String? = nil, context: String? = nil,
        location: String? = nil
    ) {
        self.connector = connector
        self.sampledAt = sampledAt
        self.measurand = measurand
        self.value = value
        self.unit = unit
        self.phase = phase
        self.context = context
        self.location = location
    }
}
