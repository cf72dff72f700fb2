public import DepotModel
public import Foundation

/// A fixed load Q_{i,t} that a vehicle draws from `start` until `finish` or its departure (cabin
/// HVAC and battery conditioning before a cold morning), counted on every node above the vehicle.
public struct PreconditioningLoad: Hashable, Codable, Sendable {
    public let power: Kilowatts
    public let start: Date
    /// When the load ends; nil runs it until departure (VDV 463 manual pre-conditioning).
    public let finish: Date?

    /// - Parameters:
    ///   - power: the auxiliary power the vehicle draws besides charging.
    ///   - finish: nil for "until departure"; a later finish is cut at departure.
    public init(power: Kilowatts, start: Date, finish: Date? = nil) {
        self.power = power
        self.start = start
        self.finish = finish
    }
}
