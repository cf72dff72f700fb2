import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging

extension AuthenticationThrottle {
    /// Decides one WebSocket upgrade under the per-source cap of pending upgrades, so a source
    /// cannot hold many handshakes open while its logins are slowed down (OCPP and VDV 463 alike).
    nonisolated func guardingUpgrade(
        from source: String, logger: Logger, _ decide: () async -> RouterShouldUpgrade
    ) async -> RouterShouldUpgrade {
        guard await beginUpgrade(from: source) else {
            logger.warning("too many pending upgrades", metadata: ["security.event": "UpgradeThrottled", "source": "\(source)"])
            return .dontUpgrade
        }
        let decision = await decide()
        await endUpgrade(from: source)
        return decision
    }
}
