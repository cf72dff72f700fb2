public import DepotModel
public import PowerSolver

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
    /// A bus whose timetabled arrival has passed without it plugging in is planned as arriving
    /// this long from now (until its no-show grace runs out), so the plan keeps room for it.
    public var lateArrivalGrace: Duration
    /// A session drawing well below its limit this long is planned and predicted from what it takes.
    public var acceptanceAfter: Duration
    /// Where a vehicle without a power curve is assumed to start tapering, for predictions and
    /// the plan (docs/solver.md §2.1: full power to 80 %, linear to nothing at 100 %); nil assumes no taper.
    public var assumedTaperStart: Double?
    /// A bus this far (battery kWh) off its planned trajectory makes the depot plan again …
    public var planDeviation: Double
    /// … at most this often.
    public var deviationReplanInterval: Duration
    /// Readiness first and the peak tolerance of the night plan (docs/solver.md §2.3); nil plans the
    /// pure stages (unmet energy, least peak, least cost).
    public var planningPreferences: PlanningPreferences?
    /// The night plan's preferences at a depot: these, with the depot's own peak tolerance
    /// (`grid.peak_tolerance_percent`) where it sets one.
    public func planningPreferences(for grid: GridConnection) -> PlanningPreferences? {
        guard let preferences = planningPreferences else { return nil }
        guard let tolerance = grid.peakTolerance else { return preferences }
        return PlanningPreferences(readinessFirst: preferences.readinessFirst, peakTolerance: tolerance)
    }
    /// The taper the runtime plans a vehicle with: its power curve, else the assumed default
    /// (`assumedTaperStart`), so the dry-run planner expects the same battery as the runtime.
    public func plannedTaper(of vehicle: Vehicle) -> [PowerCurvePoint] {
        AcceptanceModel.taper(of: vehicle, assumedTaperStart: assumedTaperStart)
    }
    /// A session that settled below its limit counts at its draw plus this and 2 % (M_i,
    /// docs/ocpp.md §13.4), so the rest of its limit goes to others in the next tick.
    public var drawMargin: Kilowatts
    /// How long after a raise the draw is not yet taken as what the vehicle accepts (docs/ocpp.md
    /// §13.2 expects current within 30 s of a raise).
    public var rampSettle: Duration

    /// The defaults above.
    public init(
        tick: Duration = .seconds(5), planInterval: Duration = .seconds(900), slotLength: Duration = .seconds(900),
        profileHorizon: Duration = .seconds(900), rejectedProfileRetry: Duration = .seconds(600), siteMeterMaxAge: Duration = .seconds(120),
        assumedArrivalSoC: Double = 30, stallAfter: Duration = .seconds(1200), unavailableAfter: Duration = .seconds(120),
        lateArrivalGrace: Duration = .seconds(600), acceptanceAfter: Duration = .seconds(120), assumedTaperStart: Double? = 80,
        planDeviation: Double = 2, deviationReplanInterval: Duration = .seconds(300),
        planningPreferences: PlanningPreferences? = .depotDefault, drawMargin: Kilowatts = 1,
        rampSettle: Duration = .seconds(30)
    ) {
        self.planningPreferences = planningPreferences
        self.tick = tick
        self.planInterval = planInterval
        self.slotLength = slotLength
        self.profileHorizon = profileHorizon
        self.rejectedProfileRetry = rejectedProfileRetry
        self.siteMeterMaxAge = siteMeterMaxAge
        self.assumedArrivalSoC = assumedArrivalSoC
        self.stallAfter = stallAfter
        self.unavailableAfter = unavailableAfter
        self.lateArrivalGrace = lateArrivalGrace
        self.acceptanceAfter = acceptanceAfter
        self.assumedTaperStart = assumedTaperStart
        self.planDeviation = planDeviation
        self.deviationReplanInterval = deviationReplanInterval
        self.drawMargin = drawMargin
        self.rampSettle = rampSettle
    }
}
