public import DepotModel
public import Foundation

/// One stored meter value of a transaction, as reports read it: whose transaction, when, which
/// measurand, and the value in Busbar's units (kWh for the energy register, % for SoC).
public struct TransactionSample: Sendable, Hashable {
    public let station: ChargerID
    public let transactionKey: String
    public let sampledAt: Date
    /// OCPP measurand: `Energy.Active.Import.Register` or `SoC`.
    public let measurand: String
    public let value: Double

    public init(station: ChargerID, transactionKey: String, sampledAt: Date, measurand: String, value: Double) {
        self.station = station
        self.transactionKey = transactionKey
        self.sampledAt = sampledAt
        self.measurand = measurand
        self.value = value
    }

    /// The energy register measurand, normalised to kWh when stored.
    public static let energyRegister = "Energy.Active.Import.Register"
    /// The state of charge measurand, in percent.
    public static let stateOfCharge = "SoC"
}
