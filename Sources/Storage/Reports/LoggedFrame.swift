public import DepotModel
public import Foundation

/// One OCPP frame a station sent, as the message log stored it (raw JSON text).
public struct LoggedFrame: Sendable, Hashable {
    public let station: ChargerID
    public let at: Date
    public let frame: String

    public init(station: ChargerID, at: Date, frame: String) {
        self.station = station
        self.at = at
        self.frame = frame
    }
}
