/// What the virtual presystem noticed, for `busbar demo` to print and tests to follow.
public enum PresystemEvent: Equatable, Sendable {
    /// Busbar accepted the BootNotification.
    case booted
    /// Busbar rejected the BootNotification and closes the connection.
    case bootRejected
    /// Busbar confirmed a ProvideChargingRequests holding this many requests, other than the
    /// list it accepted last.
    case timetableAccepted(requests: Int)
    /// Busbar answered a ProvideChargingRequests with an error (3).
    case timetableRefused(reason: String)
    /// A ProvideChargingInformation arrived and was checked.
    case report(ChargingReport)
}
