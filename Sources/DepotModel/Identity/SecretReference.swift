/// Where a secret comes from. Depot files never hold secret values (docs/reliability.md §4.3): a key
/// ending in `_env` names an environment variable, one ending in `_file` a file, and station
/// passwords may also be given as a salted hash.
public enum SecretReference: Hashable, Codable, Sendable, CustomStringConvertible {
    case environment(String)
    case file(String)
    /// `hmac-sha256$<salt hex>$<digest hex>` as written by `busbar charger password`.
    case hash(String)

    /// Never prints the secret itself, only where it comes from.
    public var description: String {
        switch self {
        case .environment(let name): "env:\(name)"
        case .file(let path): "file:\(path)"
        case .hash: "hash:<redacted>"
        }
    }
}
