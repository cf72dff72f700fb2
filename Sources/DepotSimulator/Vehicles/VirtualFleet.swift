public import DepotModel
public import Foundation
public import Logging

/// The virtual VDV 261 buses of a simulation: one ``VirtualBus`` per visit of a depot vehicle that
/// has a VIN and a password, riding on the simulation's stations, all logging into one ``BusLog``.
public struct VirtualFleet: Sendable {
    /// One bus per eligible visit, in visit order.
    public let buses: [VirtualBus]
    /// What they all did.
    public let log: BusLog

    /// - Parameters:
    ///   - password: the VDV 261 password of a vehicle, nil for one that does not speak VDV 261.
    ///   - baseURL: Busbar's HTTP listener, e.g. `http://127.0.0.1:8180`.
    ///   - interval: clock time between two POSTs of a bus.
    public init(
        simulation: Simulation, depot: Depot, password: (Vehicle) -> String?, baseURL: String, interval: Duration = .seconds(60),
        preconditioningKW: Double = 20, clock: any BusbarClock, logger: Logger
    ) {
        let log = BusLog()
        self.log = log
        buses = simulation.plan.visits.compactMap { visit in
            guard let vehicle = depot.vehicle(identifiedBy: visit.vehicle.idToken), let vin = vehicle.vin, let secret = password(vehicle) else {
                return nil
            }
            return VirtualBus(
                vin: vin, password: secret, visit: visit, station: simulation.clients[visit.station], baseURL: baseURL, interval: interval,
                preconditioningKW: preconditioningKW, clock: clock, log: log, logger: logger)
        }
    }

    /// Runs every bus through its visit; returns when the last has left or `end` (clock time) has come.
    public func run(until end: Date = .distantFuture) async {
        await withDiscardingTaskGroup { group in
            for bus in buses { group.addTask { await bus.run(until: end) } }
        }
    }
}
