public import DepotModel
public import Foundation

/// A fixed load Q_{i,t} that a vehicle draws from `start` until its departure (cabin HVAC and
/// system load before a cold morning), counted on every node above the vehicle.
public struct PreconditioningLoad: Hashable, Codable, Sendable {
    public let power: Kilowatts
    public let start: Date

    public init(power: Kilowatts, start: Date) {
        self.power = power
        self.start = start
    }
}
