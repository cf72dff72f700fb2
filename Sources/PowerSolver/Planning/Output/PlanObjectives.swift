public import DepotModel

/// The values of the three lexicographic stages (docs/solver.md §2.3).
public struct PlanObjectives: Hashable, Codable, Sendable {
    /// Stage 1: unmet battery energy per (must/want, tier), in the order they were minimised.
    public let unmet: [ClassShortfall]
    /// Stage 2: the site peak (EV + preconditioning + base load).
    public let peak: Kilowatts
    /// Stage 3: energy cost plus reserved-capacity penalties, in € (without the ε·t tie-break).
    public let cost: Double

    public init(unmet: [ClassShortfall], peak: Kilowatts, cost: Double) {
        self.unmet = unmet
        self.peak = peak
        self.cost = cost
    }

    /// Unmet energy to the max targets over all vehicles.
    public var totalUnmet: KilowattHours { unmet.map(\.energy).sum() }
}
