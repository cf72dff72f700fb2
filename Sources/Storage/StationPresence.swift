public import DepotModel
public import Foundation

/// A station as the charger registry shows it: registration, whether it is connected now and since
/// when, and what it last said about itself.
public struct StationPresence: Sendable, Hashable {
    public let station: ChargerID
    public let depot: DepotID
    public let bootState: StationBootState
    public let online: Bool
    /// When the station last connected (online) or disconnected (offline).
    public let since: Date?
    public let lastMessageAt: Date?
    public let bootInfo: StationBootInfo?

    /// A station's presence as stored; reports' tests build them by hand.
    public init(
        station: ChargerID, depot: DepotID, bootState: StationBootState, online: Bool, since: Date?, lastMessageAt: Date?,
        bootInfo: StationBootInfo?
    ) {
        self.station = station
        self.depot = depot
        self.bootState = bootState
        self.online = online
        self.since = since
        self.lastMessageAt = lastMessageAt
        self.bootInfo = bootInfo
    }
}
