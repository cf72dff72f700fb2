/// How a charger answered a ``ChargerCommand``.
public enum ChargerCommandResult: Hashable, Sendable {
    /// The charger accepted the command.
    case accepted
    /// The charger answered and said no (e.g. a profile `Rejected`, a RemoteStop for an unknown
    /// transaction); the text is the charger's status.
    case rejected(String)
    /// No usable answer: not connected, timed out, CALLERROR or an invalid reply.
    case failed(String)

    /// Whether the command took effect.
    public var isAccepted: Bool { self == .accepted }
}
