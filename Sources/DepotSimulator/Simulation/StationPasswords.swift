import Crypto
import Foundation

/// Where simulated stations get their Basic-auth passwords.
public enum StationPasswords: Hashable, Sendable {
    /// The demo depot's scheme: the first 40 hex digits of sha256("busbar-demo:" + stationId).
    case demo
    /// One password for every station.
    case fixed(String)

    /// The password of one station.
    public func password(for stationId: String) -> String {
        switch self {
        case .demo:
            let digest = SHA256.hash(data: Data("busbar-demo:\(stationId)".utf8))
            return String(digest.map { String(format: "%02x", $0) }.joined().prefix(40))
        case .fixed(let password):
            return password
        }
    }
}
