import Foundation

/// A station's CALLRESULT to an ``OutgoingCall``, decoded strictly against the schema of the
/// action that was sent.
public enum OutgoingCallResult: Hashable, Sendable {
    /// An OCPP 1.6 reply.
    case v16(V16.CSMSCallResult)
    /// An OCPP 2.0.1 reply.
    case v201(V201.CSMSCallResult)

    /// Decodes the reply to a CALL of `action`.
    /// - Parameters:
    ///   - quirks: the relaxations allowed for this station's model.
    public static func decode(
        action: String,
        payload: JSONValue,
        version: OCPPVersion,
        quirks: DecodingQuirks = []
    ) throws(OCPPError) -> OutgoingCallResult {
        var used: DecodingQuirks = []
        let decoded: OutgoingCallResult?
        switch version {
        case .v16: decoded = try V16.CSMSCallResult.decode(action: action, payload: payload, quirks: quirks, usedQuirks: &used).map(Self.v16)
        case .v201: decoded = try V201.CSMSCallResult.decode(action: action, payload: payload, quirks: quirks, usedQuirks: &used).map(Self.v201)
        }
        guard let decoded else { throw OCPPError(.unsupportedAction, "no CALLRESULT type for \(action)") }
        return decoded
    }
}

extension OutgoingCallResult {
    /// The result's JSON payload, as the station sent it (after validation).
    public func payload() throws(OCPPError) -> JSONValue {
        switch self {
        case .v16(let result): try result.payload()
        case .v201(let result): try result.payload()
        }
    }
}
