/// The name of a benchmark instance: (family, N, slot, θ, seed) fixes every number in it.
public struct InstanceSpec: Hashable, Codable, Sendable, CustomStringConvertible {
    public let family: InstanceFamily
    public let vehicles: Int
    /// Slot length in minutes (15, or 5).
    public let slotMinutes: Int
    /// Grid limit as a share of the free peak P*_free.
    public let theta: Double
    public let seed: UInt64

    public init(family: InstanceFamily, vehicles: Int, slotMinutes: Int, theta: Double, seed: UInt64) {
        self.family = family
        self.vehicles = vehicles
        self.slotMinutes = slotMinutes
        self.theta = theta
        self.seed = seed
    }

    /// The file name of the instance, e.g. `base-n100-s15-t1.0-seed1`.
    public var description: String { "\(family.rawValue)-n\(vehicles)-s\(slotMinutes)-t\(theta)-seed\(seed)" }
}
