import PowerSolver

/// Seeded under-delivery: in each (vehicle, slot of the instance grid) the vehicle takes
/// U(1 − share, 1) of the power it is given. The factor depends only on the seed, the vehicle and
/// the slot, so every strategy of one run meets the same draws.
struct UnderDelivery {
    /// 0.1 for "±10 %": factors in (0.9, 1]; 0 delivers exactly what is commanded.
    let share: Double
    let seed: UInt64

    func factor(vehicle: Int, slot: Int) -> Double {
        guard share > 0 else { return 1 }
        let key = seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(vehicle) &* 0xBF58_476D_1CE4_E5B9 ^ UInt64(slot) &* 0x94D0_49BB_1331_11EB
        var random = SplitMix64(seed: key)
        return 1 - share * random.unit()
    }
}
