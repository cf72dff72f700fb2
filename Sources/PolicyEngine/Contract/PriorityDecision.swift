public import DepotModel

/// One entry of a `priority` result: the tier (higher is served strictly first), optional
/// guaranteed minimum and cap (already clamped to the connector's and vehicle's limits), and why.
public struct PriorityDecision: Codable, Sendable, Hashable {
    public var tier: Int
    public var minKw: Kilowatts?
    public var maxKw: Kilowatts?
    public var reason: String?

    /// Encoded with the contract's names (`priority`, `min_kw`, …), as policies return it.
    enum CodingKeys: String, CodingKey {
        case tier = "priority"
        case minKw, maxKw, reason
    }

    public init(tier: Int, minKw: Kilowatts? = nil, maxKw: Kilowatts? = nil, reason: String? = nil) {
        self.tier = tier
        self.minKw = minKw
        self.maxKw = maxKw
        self.reason = reason
    }
}
