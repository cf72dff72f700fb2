public import DepotModel
public import Foundation
public import Logging

/// Everything that talks VDV to Busbar in a simulated night: one ``VirtualPresystem`` per tenant
/// with VDV 463 credentials, sending its vehicles' visits as its timetable, and the
/// ``VirtualFleet`` of buses with VDV 261 passwords.
public struct VDVPeers: Sendable {
    /// The presystems, in tenant order.
    public let presystems: [VirtualPresystem]
    /// The buses.
    public let fleet: VirtualFleet
    private let clock: any BusbarClock

    /// - Parameters:
    ///   - port: Busbar's listener on 127.0.0.1.
    ///   - secret: the value behind a secret reference of the depot file (e.g. ``DemoSecrets/value(of:)``).
    ///   - busInterval: clock time between two VDV 261 POSTs of a bus.
    ///   - onEvent: every presystem's events, with its presystemId.
    public init(
        simulation: Simulation, depot: Depot, port: Int, secret: (SecretReference?) -> String?, busInterval: Duration = .seconds(60),
        clock: any BusbarClock, seed: UInt64, logger: Logger, onEvent: @escaping @Sendable (String, PresystemEvent) -> Void = { _, _ in }
    ) {
        presystems = depot.tenants.enumerated().compactMap { index, tenant in
            guard let credentials = tenant.presystems.first, let password = secret(credentials.password) else { return nil }
            let vehicles = depot.vehicles.filter { $0.tenant == tenant.id }.flatMap { [$0.id.rawValue] + ($0.vin.map { [$0] } ?? []) }
            return VirtualPresystem(
                presystemId: credentials.presystemID, username: credentials.username, password: password, baseURL: "ws://127.0.0.1:\(port)",
                vehicles: Set(vehicles), timetable: UpstreamTimetable.requests(plan: simulation.plan, depot: depot, tenant: tenant.id),
                clock: clock, seed: seed &+ UInt64(index), logger: logger
            ) { onEvent(credentials.presystemID, $0) }
        }
        fleet = VirtualFleet(
            simulation: simulation, depot: depot, password: { secret($0.vdv261Password) }, baseURL: "http://127.0.0.1:\(port)",
            interval: busInterval, clock: clock, logger: logger)
        self.clock = clock
    }

    /// Runs the presystems and the buses until `end` (clock time).
    public func run(until end: Date) async {
        await withDiscardingTaskGroup { group in
            for presystem in presystems { group.addTask { await presystem.run() } }
            group.addTask { await fleet.run(until: end) }
            group.addTask {
                try? await clock.sleep(until: end)
                for presystem in presystems { await presystem.stop() }
            }
        }
    }
}
