/// What a session still needs, which decides its place in the tick and whether the root envelope
/// bounds it (docs/solver.md §5): the plan's power orders the fleet's work but never caps it.
public enum ChargingNeed: Hashable, Codable, Sendable {
    /// A fleet vehicle below its target SoC: served before any other session and filled up to
    /// the physical limits of its path, whatever the plan or the envelope say.
    case fleetBelowTarget
    /// A fleet vehicle at or above its target SoC: its plan power, then surplus only within the
    /// envelope, so the plan's peak intent holds where no bus needs the energy.
    case fleetAtTarget
    /// A public session: only what no fleet session on its path can use, within the envelope.
    case publicCharging
}
