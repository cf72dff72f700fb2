public import DepotModel

/// Everything stored about one depot that a report over a period reads; the `Reports` target
/// computes from it alone, so its tests build it by hand.
public struct ReportRecords: Sendable, Hashable {
    /// Transactions that overlap the period (started before its end, not stopped before its start).
    public var transactions: [ChargingTransactionRecord]
    /// Energy register and SoC samples of those transactions, oldest first.
    public var samples: [TransactionSample]
    /// Stays stored from the REST API and VDV 463 (the depot file's own stays are not stored).
    public var timetable: [TimetableEntry]
    /// `charger_offline` incidents that overlap the period: the record of past outages.
    public var incidents: [IncidentRecord]
    /// Each station's presence now (online or offline, and since when).
    public var stations: [StationPresence]
    /// StatusNotification frames received before the period's end, oldest first: the history of
    /// connector states the message log keeps for its retention window.
    public var statusFrames: [LoggedFrame]

    public init(
        transactions: [ChargingTransactionRecord] = [], samples: [TransactionSample] = [], timetable: [TimetableEntry] = [],
        incidents: [IncidentRecord] = [], stations: [StationPresence] = [], statusFrames: [LoggedFrame] = []
    ) {
        self.transactions = transactions
        self.samples = samples
        self.timetable = timetable
        self.incidents = incidents
        self.stations = stations
        self.statusFrames = statusFrames
    }
}
