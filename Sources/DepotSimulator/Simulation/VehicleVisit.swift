public import Foundation

/// One vehicle's stay at one connector: it plugs in at `arrival` and leaves at `departure`.
public struct VehicleVisit: Hashable, Sendable {
    /// Index into the plan's stations.
    public var station: Int
    /// The 1-based connector it plugs into.
    public var connector: Int
    /// Its token and battery.
    public var vehicle: PluggedVehicle
    /// When it plugs in.
    public var arrival: Date
    /// When it unplugs.
    public var departure: Date

    /// A visit of `vehicle` at `connector` of station number `station`.
    public init(station: Int, connector: Int, vehicle: PluggedVehicle, arrival: Date, departure: Date) {
        self.station = station
        self.connector = connector
        self.vehicle = vehicle
        self.arrival = arrival
        self.departure = departure
    }
}
