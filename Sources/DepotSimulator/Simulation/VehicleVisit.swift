public import Foundation

/// One vehicle's stay at one connector: it plugs in at `arrival` and leaves at `departure`.
public struct VehicleVisit: Hashable, Sendable {
    /// Index into the plan's stations.
    public var station: Int
    public var connector: Int
    public var vehicle: PluggedVehicle
    public var arrival: Date
    public var departure: Date

    public init(station: Int, connector: Int, vehicle: PluggedVehicle, arrival: Date, departure: Date) {
        self.station = station
        self.connector = connector
        self.vehicle = vehicle
        self.arrival = arrival
        self.departure = departure
    }
}
