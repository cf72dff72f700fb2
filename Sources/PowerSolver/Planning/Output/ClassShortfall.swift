public import DepotModel

/// Unmet energy of one class in stage 1.
public struct ClassShortfall: Hashable, Codable, Sendable {
    /// "must" is energy to the min target, "want" the rest up to the max target.
    public enum Kind: String, Hashable, Codable, Sendable { case must, want }

    public let kind: Kind
    public let tier: Int
    public let energy: KilowattHours

    public init(kind: Kind, tier: Int, energy: KilowattHours) {
        self.kind = kind
        self.tier = tier
        self.energy = energy
    }
}
