import Crypto
public import DepotConfig
import DepotModel
import Foundation
public import Logging

/// Resolves a bearer token to its scope (docs/reliability.md §4.4): tokens are kept as SHA-256 digests,
/// and a presented token is hashed and compared against every digest in constant time.
public struct APIAuthentication: Sendable {
    private let tokens: [(digest: [UInt8], scope: APITokenSettings.Scope)]

    /// Tokens whose secret cannot be read are left out with a warning: the API is then simply not
    /// reachable with them.
    public init(tokens: [APITokenSettings], secrets: SecretResolver, logger: Logger) {
        self.tokens = tokens.compactMap { token in
            do {
                return (Array(SHA256.hash(data: Data(try secrets.resolve(token.token).utf8))), token.scope)
            } catch {
                logger.warning("API token left out: \(error)")
                return nil
            }
        }
    }

    /// The scope of an `Authorization: Bearer …` header, or nil.
    public func scope(of header: String?) -> APITokenSettings.Scope? {
        guard let header, header.hasPrefix("Bearer "), header.count < 1024 else { return nil }
        let presented = Array(SHA256.hash(data: Data(header.dropFirst("Bearer ".count).utf8)))
        var found: APITokenSettings.Scope?
        for token in tokens where Self.constantTimeEqual(token.digest, presented) { found = token.scope }
        return found
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
