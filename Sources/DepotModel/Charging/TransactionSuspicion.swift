/// Reasons to distrust a transaction record: flagged and kept, never rejected (docs/ocpp.md §6–7,
/// docs/reliability.md §2), so one bad charger cannot corrupt reports and nothing is lost.
public struct TransactionSuspicion: OptionSet, Hashable, Codable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `meterStop` below `meterStart`.
    public static let meterRegression = TransactionSuspicion(rawValue: 1 << 0)
    /// A start on a connector that already had an active transaction.
    public static let duplicateStart = TransactionSuspicion(rawValue: 1 << 1)
    /// Station time more than the allowed skew ahead of Busbar's clock.
    public static let futureTimestamp = TransactionSuspicion(rawValue: 1 << 2)
    /// 2.0.1 sequence numbers with a gap: some events never arrived.
    public static let incomplete = TransactionSuspicion(rawValue: 1 << 3)
    /// A `meterStart` of 0 recorded offline after a session that ended higher.
    public static let meterReset = TransactionSuspicion(rawValue: 1 << 4)
    /// A 1970-era or otherwise implausible station timestamp.
    public static let implausibleTimestamp = TransactionSuspicion(rawValue: 1 << 5)
}
