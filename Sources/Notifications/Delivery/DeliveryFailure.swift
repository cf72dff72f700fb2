/// Why a channel could not deliver, and whether trying again can help. The outbox retries
/// transient failures with backoff and gives up at once on permanent ones.
public enum DeliveryFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The receiver is down, busy or answered 4xx (SMTP) / 5xx, 408, 429 (HTTP): retry later.
    case transient(String)
    /// The receiver refused for good (SMTP 5xx such as an authentication failure, HTTP 4xx).
    case permanent(String)

    public var description: String {
        switch self {
        case .transient(let reason): "transient: \(reason)"
        case .permanent(let reason): "permanent: \(reason)"
        }
    }
}
