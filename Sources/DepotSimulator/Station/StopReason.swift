/// Why a simulated transaction ended, mapped to each version's reason enum.
public enum StopReason: Hashable, Sendable {
    case local
    case remote
    case evDisconnected
    case deAuthorized
    case emergencyStop
    case reset
    case unlockCommand
}
