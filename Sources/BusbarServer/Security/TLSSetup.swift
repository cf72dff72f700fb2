import DepotConfig
import NIOSSL

/// The TLS of a profile-2 listener (docs/ocpp.md §1): TLS 1.2 or newer with the AES-GCM ECDHE suites
/// the OCPP security profiles name, certificate and key from PEM files.
enum TLSSetup {
    enum Failure: Error, CustomStringConvertible {
        case clientCertificatesNotServed
        case unreadable(file: String, reason: String)

        var description: String {
            switch self {
            case .clientCertificatesNotServed: "client certificates (OCPP security profile 3) are not served by this build; remove client_ca_file"
            case .unreadable(let file, let reason): "\(file): \(reason)"
            }
        }
    }

    static func serverConfiguration(_ settings: TLSSettings) throws -> TLSConfiguration {
        guard settings.clientCAFile == nil else { throw Failure.clientCertificatesNotServed }
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(settings.certificateFile)
        } catch {
            throw Failure.unreadable(file: settings.certificateFile, reason: "not a PEM certificate (\(error))")
        }
        do {
            key = try NIOSSLPrivateKey(file: settings.keyFile, format: .pem)
        } catch {
            throw Failure.unreadable(file: settings.keyFile, reason: "not a PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        configuration.cipherSuiteValues = [
            .TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, .TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            .TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, .TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            .TLS_AES_128_GCM_SHA256, .TLS_AES_256_GCM_SHA384,
        ]
        return configuration
    }
}
