/// The life of a reservation, kept consistent with what the charger reports.
public enum ReservationStatus: String, Hashable, Codable, Sendable, CaseIterable {
    /// Created; its window has not started.
    case scheduled
    /// Inside its window (or the buffer before it); the bay is held.
    case active
    /// The reserved vehicle plugged in.
    case fulfilled
    /// The vehicle did not come within the grace time; the bay was released.
    case noShow
    case cancelled
    /// The window ended.
    case expired

    /// Whether the reservation still holds its bay.
    public var holdsBay: Bool { self == .scheduled || self == .active }
}
