public import Foundation

/// A simulated vehicle leaving: what it left with, so tests and the demo can check targets.
public struct VehicleDeparture: Hashable, Sendable {
    /// The visit that ended.
    public let visit: VehicleVisit
    /// The battery's state of charge when it unplugged, in percent.
    public let stateOfCharge: Double
    /// When it left (clock time).
    public let at: Date
    /// When the simulation got to it: later than `at` when an overloaded machine held the visits
    /// back, and then the bus charged past its departure (the night's figures are not to be trusted).
    public let processedAt: Date

    /// A departure as observed.
    public init(visit: VehicleVisit, stateOfCharge: Double, at: Date, processedAt: Date? = nil) {
        self.visit = visit
        self.stateOfCharge = stateOfCharge
        self.at = at
        self.processedAt = processedAt ?? at
    }

    /// How late the simulation unplugged the bus, in seconds of clock time.
    public var lateness: TimeInterval { max(0, processedAt.timeIntervalSince(at)) }
}
