import DepotModel

extension TransactionSuspicion {
    /// The flags as the session report's `flags` column names them, so a manager sees which
    /// numbers rest on a record the charger made doubtful (docs/reliability.md §2).
    var reportNames: [String] {
        let names: [(TransactionSuspicion, String)] = [
            (.meterRegression, "meter_regression"), (.duplicateStart, "duplicate_start"), (.futureTimestamp, "future_timestamp"),
            (.incomplete, "incomplete"), (.meterReset, "meter_reset"), (.implausibleTimestamp, "implausible_timestamp"),
        ]
        return names.filter { contains($0.0) }.map(\.1)
    }
}
