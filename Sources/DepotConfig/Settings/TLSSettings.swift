/// Certificate and key of a TLS listener; with a client CA, stations authenticate with certificates
/// (OCPP security profile 3).
public struct TLSSettings: Hashable, Sendable {
    public let certificateFile: String
    public let keyFile: String
    public let clientCAFile: String?

    public init(certificateFile: String, keyFile: String, clientCAFile: String? = nil) {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.clientCAFile = clientCAFile
    }
}
