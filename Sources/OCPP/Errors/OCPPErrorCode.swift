import Foundation

/// The CALLERROR `errorCode` values of both versions, spelled as on the wire (1.6 keeps the
/// specification's `FormationViolation` and `OccurenceConstraintViolation`).
public enum OCPPErrorCode: String, Hashable, Sendable, CaseIterable {
    /// 1.6: malformed frame or payload shape.
    case formationViolation = "FormationViolation"
    /// 2.0.1: payload shape not as the schema says.
    case formatViolation = "FormatViolation"
    /// Any other error (received only).
    case genericError = "GenericError"
    /// Busbar could not make the data durable; the station retries.
    case internalError = "InternalError"
    /// 2.0.1: message type number not 2, 3 or 4.
    case messageTypeNotSupported = "MessageTypeNotSupported"
    /// The action is unknown to the version.
    case notImplemented = "NotImplemented"
    /// The action is known but not accepted from a station.
    case notSupported = "NotSupported"
    /// 1.6 spelling: a required field missing or an item count out of bounds.
    case occurenceConstraintViolation = "OccurenceConstraintViolation"
    /// 2.0.1 spelling: a required field missing or an item count out of bounds.
    case occurrenceConstraintViolation = "OccurrenceConstraintViolation"
    /// A value out of range, not in the enum, too long, or not a date-time.
    case propertyConstraintViolation = "PropertyConstraintViolation"
    /// Incomplete payload (received only).
    case protocolError = "ProtocolError"
    /// 2.0.1: the frame is not a valid OCPP-J RPC frame.
    case rpcFrameworkError = "RpcFrameworkError"
    /// The station is not accepted or broke the security policy.
    case securityError = "SecurityError"
    /// A value of the wrong JSON type.
    case typeConstraintViolation = "TypeConstraintViolation"

    /// The one place that maps a refusal to its code (docs/ocpp.md §4).
    public init(for reason: OCPPError.Reason, version: OCPPVersion) {
        switch (reason, version) {
        case (.malformedFrame, .v16), (.messageTypeNotSupported, .v16), (.invalidShape, .v16): self = .formationViolation
        case (.malformedFrame, .v201): self = .rpcFrameworkError
        case (.messageTypeNotSupported, .v201): self = .messageTypeNotSupported
        case (.invalidShape, .v201): self = .formatViolation
        case (.unknownAction, _): self = .notImplemented
        case (.unsupportedAction, _): self = .notSupported
        case (.occurrence, .v16): self = .occurenceConstraintViolation
        case (.occurrence, .v201): self = .occurrenceConstraintViolation
        case (.typeConstraint, _): self = .typeConstraintViolation
        case (.propertyConstraint, _): self = .propertyConstraintViolation
        case (.security, _): self = .securityError
        case (.internalFailure, _): self = .internalError
        }
    }

    /// Reads a code a station sent; 2.0.1 peers that still send the 1.6 spelling
    /// `FormationViolation` are understood as `FormatViolation` (docs/ocpp.md §4).
    /// - Returns: nil for codes outside both versions (seen: `"Error"`), which the caller logs as is.
    public init?(received text: String, version: OCPPVersion) {
        guard let code = OCPPErrorCode(rawValue: text) else { return nil }
        switch (code, version) {
        case (.formationViolation, .v201): self = .formatViolation
        case (.occurenceConstraintViolation, .v201): self = .occurrenceConstraintViolation
        default: self = code
        }
    }
}
