/// How reservations are enforced by default; the `enforcement` policy may override per event.
public struct ReservationSettings: Hashable, Codable, Sendable {
    /// A start by another vehicle within this time before a reservation is blocked.
    public let buffer: Duration
    /// A reserved vehicle that has not plugged in this long after the window starts is a no-show.
    public let noShowGrace: Duration

    public init(buffer: Duration = .minutes(15), noShowGrace: Duration = .minutes(30)) {
        self.buffer = buffer
        self.noShowGrace = noShowGrace
    }
}
