public import DepotModel

/// Energy prices and reserved capacity per slot, the inputs of the cost stage (docs/solver.md §2.3).
public struct PlanningTariff: Hashable, Codable, Sendable {
    /// Energy price c_t in €/kWh per slot.
    public let prices: [Double]
    /// Reserved capacity R_t per slot; load above it pays `excessPenalty`. Empty when none.
    public let reservedCapacity: [Kilowatts]
    /// Penalty π_t in € per kW above the reserved capacity, per slot. Empty when none.
    public let excessPenalty: [Double]
    /// The billing period's peak so far when demand charges are monthly: stage 2 then minimises
    /// max(P, this), so load up to it costs nothing extra (docs/solver.md §2.3).
    public let billingPeak: Kilowatts?

    public init(prices: [Double], reservedCapacity: [Kilowatts] = [], excessPenalty: [Double] = [], billingPeak: Kilowatts? = nil) {
        self.prices = prices
        self.reservedCapacity = reservedCapacity
        self.excessPenalty = excessPenalty
        self.billingPeak = billingPeak
    }
}
