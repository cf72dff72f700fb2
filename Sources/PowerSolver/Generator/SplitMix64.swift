import Foundation

/// A small, portable, seeded random generator (SplitMix64), so a benchmark instance named by its
/// seed is the same on every machine and in every language (docs/solver.md §7).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole sequence is fixed by the seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits (Vigna's SplitMix64 step).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform double in [0, 1) from the top 53 bits (independent of the standard library's
    /// floating-point sampling, which may change between releases).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform double in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// A uniform integer in 0..<count, by rejection so it has no modulo bias.
    public mutating func index(below count: Int) -> Int {
        precondition(count > 0)
        let bound = UInt64(count)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return Int(value % bound) }
        }
    }

    /// A normal sample by Box–Muller (one of the pair; simple and reproducible).
    public mutating func normal(mean: Double, deviation: Double) -> Double {
        let first = max(unit(), 0x1.0p-53)
        let second = unit()
        return mean + deviation * (-2 * Foundation.log(first)).squareRoot() * Foundation.cos(2 * Double.pi * second)
    }
}
