/// How often the depot acts; defaults follow docs/solver.md §1 (allocation every 1–5 s, planning every
/// 15 min and on events) and docs/ocpp.md §13 (profile horizon 15 min).
public struct RuntimeSettings: Hashable, Sendable {
    /// Allocation tick in clock time.
    public var tick: Duration
    /// Planning round without an event.
    public var planInterval: Duration
    /// The planner's slot length.
    public var slotLength: Duration
    /// A TxProfile holds the limit this long before the fail-safe share; refreshed at half of it.
    public var profileHorizon: Duration
    /// How long a connector whose profile was rejected counts as uncontrolled before Busbar tries again.
    public var rejectedProfileRetry: Duration
    /// A site meter reading older than this is stale: the site sheds to minima (docs/solver.md §5).
    public var siteMeterMaxAge: Duration
    /// SoC assumed at arrival when neither the timetable nor the vehicle says.
    public var assumedArrivalSoC: Double
    /// A session allowed to charge whose SoC (or energy) has not risen for this long is
    /// `soc_not_progressing`.
    public var stallAfter: Duration
    /// A connector `Unavailable` this long (a reboot's passing status is not news) is `availability_changed`.
    public var unavailableAfter: Duration

    /// The defaults above.
    public init(
        tick: Duration = .seconds(5), planInterval: Duration = .seconds(900), slotLength: Duration = .seconds(900),
        profileHorizon: Duration = .seconds(900), rejectedProfileRetry: Duration = .seconds(600), siteMeterMaxAge: Duration = .seconds(120),
        assumedArrivalSoC: Double = 30, stallAfter: Duration = .seconds(1200), unavailableAfter: Duration = .seconds(120)
    ) {
        self.tick = tick
        self.planInterval = planInterval
        self.slotLength = slotLength
        self.profileHorizon = profileHorizon
        self.rejectedProfileRetry = rejectedProfileRetry
        self.siteMeterMaxAge = siteMeterMaxAge
        self.assumedArrivalSoC = assumedArrivalSoC
        self.stallAfter = stallAfter
        self.unavailableAfter = unavailableAfter
    }
}
