/// How a tenant's energy is priced in session reports.
public enum BillingMode: Hashable, Codable, Sendable {
    /// A fixed contract price per kWh.
    case contract(pricePerKilowattHour: Double)
    /// The depot's block prices passed through as they were when the energy flowed.
    case passThrough
}
