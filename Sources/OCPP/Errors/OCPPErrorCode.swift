import Foundation

/// The CALLERROR `errorCode` values of both versions, spelled as on the wire (1.6 keeps the
/// specification's `FormationViolation` and `OccurenceConstraintViolation`).
public enum OCPPErrorCode: String, Hashable, Sendable, CaseIterable {
    case formationViolation = "FormationViolation"
    case formatViolation = "FormatViolation"
    case genericError = "GenericError"
    case internalError = "InternalError"
    case messageTypeNotSupported = "MessageTypeNotSupported"
    case notImplemented = "NotImplemented"
    case notSupported = "NotSupported"
    case occurenceConstraintViolation = "OccurenceConstraintViolation"
    case occurrenceConstraintViolation = "OccurrenceConstraintViolation"
    case propertyConstraintViolation = "PropertyConstraintViolation"
    case protocolError = "ProtocolError"
    case rpcFrameworkError = "RpcFrameworkError"
    case securityError = "SecurityError"
    case typeConstraintViolation = "TypeConstraintViolation"

    /// The one place that maps a refusal to its code (ocpp.md §4).
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
    /// `FormationViolation` are understood as `FormatViolation` (ocpp.md §4).
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
