public import Foundation

/// A simulated vehicle leaving: what it left with, so tests and the demo can check targets.
public struct VehicleDeparture: Hashable, Sendable {
    /// The visit that ended.
    public let visit: VehicleVisit
    /// The battery's state of charge when it unplugged, in percent.
    public let stateOfCharge: Double
    /// When it left (clock time).
    public let at: Date

    /// A departure as observed.
    public init(visit: VehicleVisit, stateOfCharge: Double, at: Date) {
        self.visit = visit
        self.stateOfCharge = stateOfCharge
        self.at = at
    }
}
