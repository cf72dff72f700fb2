public import Foundation

/// A reservation a connector honours until it expires: only its token may start.
public struct SimulatedReservation: Hashable, Sendable {
    /// The CSMS reservation id.
    public var id: Int
    /// The only token that may start on the connector.
    public var idToken: String
    /// When the connector becomes free again.
    public var expiry: Date
}
