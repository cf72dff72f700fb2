import Crypto
public import Foundation

/// The webhook signature scheme, public so receivers written in Swift can verify with it.
///
/// Busbar sends `X-Busbar-Timestamp: <Unix seconds>` and
/// `X-Busbar-Signature: sha256=<lowercase hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`.
/// A receiver recomputes the HMAC over the exact bytes it received, compares in constant time, and
/// refuses timestamps too far from its own clock (replays). `Idempotency-Key` carries the outbox
/// entry id, the same on every retry, so a receiver can drop duplicate deliveries.
public enum WebhookSignature {
    /// The `X-Busbar-Signature` value for a body sent at `timestamp`.
    public static func sign(body: Data, timestamp: String, secret: String) -> String {
        var signed = Data(timestamp.utf8)
        signed.append(UInt8(ascii: "."))
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }
}
