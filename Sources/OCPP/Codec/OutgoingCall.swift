import Foundation

/// A CALL Busbar sends to a station, of either version.
public enum OutgoingCall: Hashable, Sendable {
    /// An OCPP 1.6 CALL.
    case v16(V16.CSMSCall)
    /// An OCPP 2.0.1 CALL.
    case v201(V201.CSMSCall)

    /// The action name on the wire.
    public var action: String {
        switch self {
        case .v16(let call): call.action
        case .v201(let call): call.action
        }
    }

    /// The CALL payload.
    public func payload() throws(OCPPError) -> JSONValue {
        switch self {
        case .v16(let call): try call.payload()
        case .v201(let call): try call.payload()
        }
    }

    /// The version the call belongs to.
    public var version: OCPPVersion {
        switch self {
        case .v16: .v16
        case .v201: .v201
        }
    }
}

extension OutgoingCall {
    /// Strictly decodes a CALL for a station from its action and JSON payload, as an operator or a
    /// conformance tool sends it through the admin route (docs/ocpp.md §14).
    /// - Returns: nil when `action` is not a CALL the CSMS sends in this version.
    public static func decode(action: String, payload: JSONValue, version: OCPPVersion) throws(OCPPError) -> OutgoingCall? {
        var used: DecodingQuirks = []
        switch version {
        case .v16: return try V16.CSMSCall.decode(action: action, payload: payload, usedQuirks: &used).map(OutgoingCall.v16)
        case .v201: return try V201.CSMSCall.decode(action: action, payload: payload, usedQuirks: &used).map(OutgoingCall.v201)
        }
    }
}
