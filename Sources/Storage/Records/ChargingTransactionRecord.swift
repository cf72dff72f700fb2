public import Foundation
public import GRDB

/// A stored charging transaction, as the depot picture and reports read it.
public struct ChargingTransactionRecord: Codable, Sendable, Hashable, FetchableRecord, TableRecord {
    public static let databaseTableName = "charging_transaction"

    public var id: Int64
    public var depotID: String
    public var stationID: String
    /// The 1.6 transactionId as text, or the 2.0.1 station-chosen id.
    public var transactionKey: String
    public var connector: Int
    public var idToken: String
    public var tenantID: String?
    public var vehicleID: String?
    public var startedAt: Date
    public var meterStartKWh: Double
    public var stoppedAt: Date?
    public var meterStopKWh: Double?
    public var stopReason: String?
    public var lastSeqNo: Int?
    /// A `TransactionSuspicion` raw value.
    public var suspicion: Int
    public var receivedAt: Date

    /// A transaction as stored; reports' tests build them by hand.
    public init(
        id: Int64, depotID: String, stationID: String, transactionKey: String, connector: Int, idToken: String = "", tenantID: String?,
        vehicleID: String?, startedAt: Date, meterStartKWh: Double, stoppedAt: Date?, meterStopKWh: Double?, stopReason: String? = nil,
        lastSeqNo: Int? = nil, suspicion: Int = 0, receivedAt: Date
    ) {
        self.id = id
        self.depotID = depotID
        self.stationID = stationID
        self.transactionKey = transactionKey
        self.connector = connector
        self.idToken = idToken
        self.tenantID = tenantID
        self.vehicleID = vehicleID
        self.startedAt = startedAt
        self.meterStartKWh = meterStartKWh
        self.stoppedAt = stoppedAt
        self.meterStopKWh = meterStopKWh
        self.stopReason = stopReason
        self.lastSeqNo = lastSeqNo
        self.suspicion = suspicion
        self.receivedAt = receivedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case depotID = "depot_id"
        case stationID = "station_id"
        case transactionKey = "transaction_key"
        case connector
        case idToken = "id_token"
        case tenantID = "tenant_id"
        case vehicleID = "vehicle_id"
        case startedAt = "started_at"
        case meterStartKWh = "meter_start_kwh"
        case stoppedAt = "stopped_at"
        case meterStopKWh = "meter_stop_kwh"
        case stopReason = "stop_reason"
        case lastSeqNo = "last_seq_no"
        case suspicion
        case receivedAt = "received_at"
    }
}
