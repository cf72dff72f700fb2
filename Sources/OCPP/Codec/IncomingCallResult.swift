import Foundation

/// Busbar's reply to an ``IncomingCall``, of either version.
public enum IncomingCallResult: Hashable, Sendable {
    /// An OCPP 1.6 reply.
    case v16(V16.StationCallResult)
    /// An OCPP 2.0.1 reply.
    case v201(V201.StationCallResult)

    /// The action the reply answers.
    public var action: String {
        switch self {
        case .v16(let result): result.action
        case .v201(let result): result.action
        }
    }

    /// The CALLRESULT payload.
    public func payload() throws(OCPPError) -> JSONValue {
        switch self {
        case .v16(let result): try result.payload()
        case .v201(let result): try result.payload()
        }
    }
}
