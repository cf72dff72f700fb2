/// Why an OCPP WebSocket upgrade was refused (docs/ocpp.md §1). Every refusal happens before any OCPP
/// frame is read and is logged as one security event.
public enum UpgradeRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not 1–48 characters, or contains `:`.
    case invalidIdentity
    case unknownIdentity
    /// No or malformed `Authorization: Basic` header.
    case missingCredentials
    /// The Basic-auth user name is not the station identity.
    case usernameMismatch
    case wrongPassword
    /// The station's configured security profile differs from the listener's.
    case profileMismatch(configured: Int)
    /// No `ocpp2.0.1` or `ocpp1.6` among the offered subprotocols.
    case protocolMismatch

    /// The OCPP security event name where the specifications define one.
    public var securityEvent: String {
        switch self {
        case .missingCredentials, .usernameMismatch, .wrongPassword: "FailedToAuthenticateAtCsms"
        case .invalidIdentity, .unknownIdentity: "UnknownChargingStation"
        case .profileMismatch: "SecurityProfileDowngrade"
        case .protocolMismatch: "ProtocolMismatch"
        }
    }

    /// Whether the refusal counts as a failed authentication for throttling.
    public var isCredentialFailure: Bool {
        switch self {
        case .missingCredentials, .usernameMismatch, .wrongPassword, .unknownIdentity, .invalidIdentity: true
        case .profileMismatch, .protocolMismatch: false
        }
    }

    public var description: String {
        switch self {
        case .invalidIdentity: "invalid station identity"
        case .unknownIdentity: "unknown station"
        case .missingCredentials: "no Basic authorization"
        case .usernameMismatch: "user name differs from the station identity"
        case .wrongPassword: "wrong password"
        case .profileMismatch(let configured): "station is configured for security profile \(configured), not this listener"
        case .protocolMismatch: "protocol mismatch: neither ocpp2.0.1 nor ocpp1.6 offered"
        }
    }
}
