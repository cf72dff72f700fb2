import Foundation

/// A station's registration state, persisted per station (docs/ocpp.md §2) and handed to every new
/// session, so a reconnect without reboot keeps its `accepted` state.
public enum BootState: String, Hashable, Sendable, CaseIterable {
    /// No BootNotification answered yet.
    case unknown
    /// Answered `Pending` (storm control).
    case pending
    /// Answered `Accepted`: the only state in which CALLs other than BootNotification are served.
    case accepted
    /// Answered `Rejected` (configured but disabled).
    case rejected
}
