public import DepotModel
public import Foundation

/// A running session as the API and the live map show it.
public struct SessionSnapshot: Hashable, Sendable, Codable {
    public let id: ChargingSessionID
    public let vehicle: VehicleID?
    public let tenant: TenantID?
    public let startedAt: Date
    public let energyKwh: Double
    public let powerKw: Double
    /// Reported, else estimated from the arrival SoC and the energy delivered.
    public let soc: Double?
    public let departure: Date?
    public let targetSoc: Double?
    /// What the night plan predicts at departure (VDV 463 `predictedDepartureTimeSoc`).
    public let predictedDepartureSoc: Double?
    /// The limit the charger accepted last.
    public let limitKw: Double?
    public let held: Bool
    public let manualCapKw: Double?
    /// The pre-conditioning of the stay the session serves, when the policy planned one.
    public var preconditioning: PreconditioningSnapshot?
}
