public import DepotModel
public import Foundation

/// The depot now, for the REST API, the live map and `busbar demo`'s summary.
public struct DepotSnapshot: Hashable, Sendable, Codable {
    public let depot: DepotID
    public let at: Date
    /// The grid limit now (block limit capped by the connection) and the block's name.
    public let siteLimitKw: Double
    public let block: String?
    /// Measured power of all sessions.
    public let sitePowerKw: Double
    public let onlineChargers: [ChargerID]
    public let connectors: [ConnectorSnapshot]
    public let reservations: [Reservation]
    /// Stays not yet over, arrival order.
    public let stays: [TimetableEntry]
    /// Recent events, newest last.
    public let incidents: [DepotIncident]
    /// The planned pre-conditioning of the stays above that have one.
    public var preconditioning: [PreconditioningSnapshot] = []
}
