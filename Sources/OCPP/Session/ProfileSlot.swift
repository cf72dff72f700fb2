import Foundation

/// Where a charging profile lives on a station: a queued SetChargingProfile for the same slot is
/// replaced by a newer one (docs/ocpp.md §5), and installing one replaces the old one in place (§13.1).
public struct ProfileSlot: Hashable, Sendable {
    /// Connector (1.6) or EVSE (2.0.1); 0 for the station as a whole.
    public let connector: Int
    /// The purpose as spelled on the wire (`TxProfile`, `TxDefaultProfile`, ...).
    public let purpose: String

    /// Names a slot.
    public init(connector: Int, purpose: String) {
        self.connector = connector
        self.purpose = purpose
    }
}
