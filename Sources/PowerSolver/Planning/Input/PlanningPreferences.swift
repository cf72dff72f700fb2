/// How a plan trades readiness against peak and cost, set by the operator per depot
/// (docs/solver.md §2.3). Without preferences the planner runs the pure stages: unmet energy,
/// then peak, then cost.
public struct PlanningPreferences: Hashable, Codable, Sendable {
    /// Among plans with the least unmet energy, prefer the one that delivers earliest (least
    /// energy-weighted delivery time) before looking at cost: a plan that charges late keeps no
    /// slack, so a fault, a slow charger or a bus that arrives unannounced later costs charge.
    public let readinessFirst: Bool
    /// How far above the least possible peak readiness may go, as a fraction (0.1: 10 %); nil
    /// when the depot pays no demand charge, so readiness may use all the grid allows. Load up to
    /// the billing period's peak so far (`PlanningTariff.billingPeak`) is always allowed: the
    /// demand charge is paid on the period's peak, so a lower peak below it buys nothing.
    public let peakTolerance: Double?

    public init(readinessFirst: Bool, peakTolerance: Double?) {
        self.readinessFirst = readinessFirst
        self.peakTolerance = peakTolerance.map { max(0, $0) }
    }

    /// A depot's defaults: readiness first, with no peak tolerance: on the receding-horizon bench
    /// (bench/README.md) any tolerance lets each re-plan shave the peak of the buses it knows and
    /// leaves later arrivals a full grid, so energy first unless the operator pays for peaks.
    public static let depotDefault = PlanningPreferences(readinessFirst: true, peakTolerance: nil)
}
