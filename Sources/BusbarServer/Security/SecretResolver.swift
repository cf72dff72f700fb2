public import DepotModel
public import Foundation

/// Reads the secrets that configuration files only refer to (docs/reliability.md §4.3).
public struct SecretResolver: Sendable {
    /// Why a secret could not be read; never carries the secret itself.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let reference: SecretReference
        public let reason: String
        public var description: String { "\(reference): \(reason)" }
    }

    private let environment: [String: String]

    /// - Parameter environment: the process environment (tests pass their own).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The secret's text: the variable's value, or the file's content without a trailing newline.
    public func resolve(_ reference: SecretReference) throws(Failure) -> String {
        switch reference {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw Failure(reference: reference, reason: "environment variable is not set")
            }
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw Failure(reference: reference, reason: "file cannot be read")
            }
            let value = text.trimmingCharacters(in: .newlines)
            guard !value.isEmpty else { throw Failure(reference: reference, reason: "file is empty") }
            return value
        case .hash:
            throw Failure(reference: reference, reason: "a hash cannot be turned back into a secret")
        }
    }

    /// The digest to check a presented password against: a stored hash as it is, anything else
    /// read and hashed now, so only digests stay in memory.
    public func digest(_ reference: SecretReference) throws(Failure) -> PasswordDigest {
        if case .hash(let text) = reference {
            guard let digest = PasswordDigest(stored: text) else { throw Failure(reference: reference, reason: "not an hmac-sha256 hash") }
            return digest
        }
        return PasswordDigest(hashing: try resolve(reference))
    }
}
