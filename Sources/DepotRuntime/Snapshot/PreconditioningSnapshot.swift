public import DepotModel
public import Foundation

/// A stay's pre-conditioning as the `preconditioning` policy planned it, for the API, the live
/// map, VDV 261 (`prec_dsrd`, `prec_hvac`) and VDV 463 (vehicle status).
public struct PreconditioningSnapshot: Hashable, Sendable, Codable {
    /// The stay the plan belongs to, and its vehicle.
    public let stay: TimetableEntryID
    public let vehicle: VehicleID
    /// The window in which the vehicle pre-conditions.
    public let start: Date
    public let finish: Date
    /// The climate mode (`prec_hvac`).
    public let mode: PreconditioningMode
    /// Whether the HV battery is conditioned too.
    public let battery: Bool
    /// The auxiliary powers the solver reserves inside the window (0 when the plan names none): a
    /// manual rule's HVAC and system powers unless the policy returned its own.
    public let hvacKw: Double
    public let batteryKw: Double
    /// Whether the window is open now.
    public let active: Bool
    /// The policy's reason, if it gave one.
    public let reason: String?
}
