/// The plan as `compare.py` reads it.
struct PlanOutput: Codable {
    let name: String
    let seconds: Double
    let unmet: Double
    let peak: Double
    let cost: Double
    /// kW per vehicle (instance order) and slot.
    let power: [[Double]]
    let intrinsic: Double
}
