/// The benchmark instance families of docs/solver.md §7; each adds one feature to `base`.
public enum InstanceFamily: String, CaseIterable, Codable, Sendable {
    /// One class, E^min = E^max, one site node.
    case base
    /// A high-load window 17:00–20:00 with a lower limit, reserved capacity and a penalty above it.
    case reserved
    /// 20 kW preconditioning in the 30 minutes before departure for 30 % of the vehicles.
    case precond
    /// Site → 2 transformers → 10 cabinets, cabinets at 60–80 % of their chargers' sum.
    case tree
    /// 20 % of the vehicles one tier higher; min target U(60, 80) %.
    case tiers
    /// The default taper: full power to 80 % SoC, linear to 0 at 100 %.
    case taper
    /// Three tenants with guaranteed budgets summing to 80 % of the grid limit.
    case tenants

    /// A salt for the family's own random stream, stable across runs and platforms (unlike
    /// `hashValue`, which Swift seeds per process).
    var salt: UInt64 { UInt64(InstanceFamily.allCases.firstIndex(of: self) ?? 0) &+ 1 }
}
