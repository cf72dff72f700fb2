public import Foundation

/// A reservation a connector honours until it expires: only its token may start.
public struct SimulatedReservation: Hashable, Sendable {
    public var id: Int
    public var idToken: String
    public var expiry: Date
}
