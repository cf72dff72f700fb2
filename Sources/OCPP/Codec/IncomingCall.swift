import Foundation

/// A decoded CALL from a station, of either version, for the server's handler to switch on.
public enum IncomingCall: Hashable, Sendable {
    /// An OCPP 1.6 CALL.
    case v16(V16.StationCall)
    /// An OCPP 2.0.1 CALL.
    case v201(V201.StationCall)

    /// The action name on the wire.
    public var action: String {
        switch self {
        case .v16(let call): call.action
        case .v201(let call): call.action
        }
    }
}
