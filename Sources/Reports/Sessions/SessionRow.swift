public import DepotModel
public import Foundation

/// One charging session: who charged where, how much, whether the stay's target was reached,
/// and what it cost under the tenant's billing mode.
public struct SessionRow: ReportRow, Hashable {
    public let transaction: String
    public let tenant: TenantID?
    public let vehicle: VehicleID?
    public let charger: ChargerID
    public let connector: Int
    public let startedAt: Date
    /// Nil while the session runs.
    public let stoppedAt: Date?
    public let energyKilowattHours: Double
    public let startSoC: Double?
    public let endSoC: Double?
    public let minTargetSoC: Double?
    public let targetSoC: Double?
    public let departure: Date?
    /// Whether the last reported SoC reached the stay's target; nil without a stay or SoC.
    public let targetMet: Bool?
    /// Last SoC minus target, in percentage points: negative when missed.
    public let targetMarginPoints: Double?
    /// `contract` or `cost` (block prices passed through), as the depot file names them.
    public let billingMode: String?
    /// Nil without a billing mode, or for `cost` without priced blocks.
    public let cost: Double?
    /// Why the stored transaction is doubtful (`meter_regression`, `incomplete`, …), space-separated; empty when it is not.
    public let flags: String

    public static let columns = [
        "transaction", "tenant", "vehicle", "charger", "connector", "started_at", "stopped_at", "energy_kwh", "start_soc_pct", "end_soc_pct",
        "min_target_soc_pct", "target_soc_pct", "departure", "target_met", "target_margin_pct", "billing_mode", "cost", "flags",
    ]

    public var values: [ReportValue] {
        [
            .text(transaction), .text(tenant?.rawValue), .text(vehicle?.rawValue), .text(charger.rawValue), .count(connector), .time(startedAt),
            .time(stoppedAt), .number(energyKilowattHours, decimals: 3), .number(startSoC, 1), .number(endSoC, 1), .number(minTargetSoC, 1),
            .number(targetSoC, 1), .time(departure), .flag(targetMet), .number(targetMarginPoints, 1), .text(billingMode), .number(cost, 2),
            .text(flags),
        ]
    }
}
