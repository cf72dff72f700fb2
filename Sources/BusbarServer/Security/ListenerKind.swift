/// The security a listener offers, which must equal a station's configured OCPP security profile
/// (docs/ocpp.md §1 step 1 and 3): a station never connects with less than it is configured for.
public enum ListenerKind: Sendable, Hashable {
    /// Plain WebSocket: profile 1 (Basic auth), and profile 0 where `allowUnauthenticated` is set
    /// on a loopback listener.
    case plain(allowUnauthenticated: Bool)
    /// TLS with Basic auth: profile 2.
    case tls
    /// TLS with client certificates: profile 3.
    case mutualTLS

    /// Whether a station configured with `profile` may connect here.
    public func admits(securityProfile profile: Int) -> Bool {
        switch (self, profile) {
        case (.plain(let unauthenticated), 0): unauthenticated
        case (.plain, 1), (.tls, 2), (.mutualTLS, 3): true
        default: false
        }
    }
}
