import Crypto
import Foundation

/// A stored machine password: HMAC-SHA256 keyed with a random 16-byte salt (docs/reliability.md §4.4).
///
/// A fast keyed hash is right for generated passwords of 160 bits: a slow hash would cost minutes of
/// CPU when a thousand stations reconnect after a restart. Only the digest is kept in memory.
public struct PasswordDigest: Sendable, Hashable, CustomStringConvertible {
    public let salt: [UInt8]
    public let digest: [UInt8]

    /// Hashes a password with a fresh random salt.
    public init(hashing password: String) {
        var generator = SystemRandomNumberGenerator()
        self.init(hashing: password, salt: (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Hashes a password with a given salt (tests, and re-hashing for comparison).
    public init(hashing password: String, salt: [UInt8]) {
        self.salt = salt
        self.digest = Array(HMAC<SHA256>.authenticationCode(for: Data(password.utf8), using: SymmetricKey(data: salt)))
    }

    /// Parses `hmac-sha256$<salt hex>$<digest hex>`.
    public init?(stored text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "hmac-sha256", let salt = Self.bytes(hex: parts[1]), let digest = Self.bytes(hex: parts[2]),
            salt.count == 16, digest.count == 32
        else { return nil }
        self.salt = salt
        self.digest = digest
    }

    /// Whether a presented password is the one hashed, compared in constant time.
    public func matches(_ password: String) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(digest, authenticating: Data(password.utf8), using: SymmetricKey(data: salt))
    }

    /// The stored form, as `password_hash` in a depot file.
    public var description: String { "hmac-sha256$\(Self.hex(salt))$\(Self.hex(digest))" }

    /// A new station password: 20 random bytes as 40 hex characters, valid as a 1.6
    /// `AuthorizationKey` and a 2.0.1 `BasicAuthPassword` alike (docs/ocpp.md §1).
    public static func generatePassword() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func bytes<Text: StringProtocol>(hex text: Text) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
