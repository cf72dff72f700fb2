import Foundation
import PolicyEngine

/// The `preconditioning` policy's latest answer for one stay, with the input it answered (without
/// the SoC, which moves every round), so the runtime can tell when it must ask again.
struct PreconditioningState: Sendable {
    let input: PreconditioningVehicleView
    let plan: PreconditioningPlan?
    /// When the policy decided it: unchanged input is asked again only after a plan interval.
    let decidedAt: Date
}
