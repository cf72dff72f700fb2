public import DepotModel
public import Foundation

/// The allocator's answer for one connector, with why it is what it is.
public struct SessionLimit: Hashable, Codable, Sendable, Identifiable {
    public let id: ConnectorAddress
    /// The limit to send, rounded down to the charger's step.
    public let power: Kilowatts
    /// Why the limit is not higher, for the decision log.
    public let provenance: LimitProvenance
    /// Carry into the next tick's `AllocationSession.admittedSince`.
    public let admittedSince: Date?

    public init(id: ConnectorAddress, power: Kilowatts, provenance: LimitProvenance, admittedSince: Date?) {
        self.id = id
        self.power = power
        self.provenance = provenance
        self.admittedSince = admittedSince
    }
}
