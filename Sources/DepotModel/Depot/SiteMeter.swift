/// The live site meter: a meter reported over OCPP by a (virtual) charger, whose reading is the
/// depot's total import including loads that are not Busbar's (buildings, other tenants).
public struct SiteMeter: Hashable, Codable, Sendable {
    public let charger: ChargerID
    /// The OCPP measurand to read, usually `Power.Active.Import`.
    public let measurand: String

    public init(charger: ChargerID, measurand: String = "Power.Active.Import") {
        self.charger = charger
        self.measurand = measurand
    }
}
