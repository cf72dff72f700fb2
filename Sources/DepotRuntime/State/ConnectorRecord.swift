import DepotModel
import Foundation

/// The live state of one connector: what the charger reported and what Busbar last told it.
struct ConnectorRecord: Sendable {
    /// The connector's place in the depot.
    let address: ConnectorAddress
    /// The latest reported status.
    var state: ConnectorState = .unavailable
    /// The latest error code other than `NoError`.
    var errorCode: String?
    /// The session running here, if any.
    var session: LiveSession?
    /// The limit the charger accepted last, and when it was sent.
    var limitInForce: Kilowatts?
    var limitSentAt: Date?
    /// When the limit in force last rose (or was first set): until the vehicle had time to follow,
    /// its draw says nothing about what it takes.
    var limitRaisedAt: Date?
    /// A limit sent and not yet answered: nothing else is sent until the answer arrives.
    var limitPending: Kilowatts?
    /// Profiles of the running session the charger rejected in a row.
    var rejections = 0
    /// Set when the charger rejected a profile twice: until then the connector counts as drawing its
    /// maximum, so a rejected profile never leaves the depot above its limits.
    var uncontrolledUntil: Date?
    /// Since when the connector reports `Unavailable`, and whether people were told.
    var unavailableSince: Date?
    var unavailabilityNoted = false

    init(address: ConnectorAddress) { self.address = address }
}
