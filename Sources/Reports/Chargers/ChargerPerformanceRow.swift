public import DepotModel

/// One charger over the period: how long it was reachable, how often and how long it was
/// faulted, how much of the time it was charging, and what it delivered.
public struct ChargerPerformanceRow: ReportRow, Hashable {
    public let charger: ChargerID
    /// Share of the period the charger was connected to Busbar, in percent.
    public let onlinePercent: Double
    public let offlineHours: Double
    /// Fault episodes (any connector) that overlap the period.
    public let faults: Int
    /// Time with at least one connector faulted.
    public let faultHours: Double
    /// Transactions in scope that overlap the period.
    public let sessions: Int
    /// Time with at least one transaction in scope running.
    public let activeHours: Double
    /// `activeHours` as a share of the period, in percent.
    public let utilisationPercent: Double
    /// Energy of transactions in scope delivered within the period.
    public let energyKilowattHours: Double

    public static let columns = [
        "charger", "online_pct", "offline_h", "faults", "fault_h", "sessions", "active_h", "utilisation_pct", "energy_kwh",
    ]

    public var values: [ReportValue] {
        [
            .text(charger.rawValue), .number(onlinePercent, decimals: 2), .number(offlineHours, decimals: 3), .count(faults),
            .number(faultHours, decimals: 3), .count(sessions), .number(activeHours, decimals: 3), .number(utilisationPercent, decimals: 2),
            .number(energyKilowattHours, decimals: 3),
        ]
    }
}
