public import Foundation

/// A connector status as a station reported it (OCPP StatusNotification), with both clocks: the
/// station's timestamp for the record, Busbar's receive time for decisions (docs/ocpp.md §8).
public struct ConnectorStatusReport: Hashable, Codable, Sendable {
    public let connector: Int
    public let state: ConnectorState
    /// OCPP 1.6 `errorCode` (`NoError` when fine); nil for 2.0.1, which reports faults separately.
    public let errorCode: String?
    public let info: String?
    public let vendorErrorCode: String?
    public let stationTime: Date?
    public let receivedAt: Date

    public init(
        connector: Int, state: ConnectorState, errorCode: String? = nil, info: String? = nil, vendorErrorCode: String? = nil,
        stationTime: Date?, receivedAt: Date
    ) {
        self.connector = connector
        self.state = state
        self.errorCode = errorCode
        self.info = info
        self.vendorErrorCode = vendorErrorCode
        self.stationTime = stationTime
        self.receivedAt = receivedAt
    }
}
