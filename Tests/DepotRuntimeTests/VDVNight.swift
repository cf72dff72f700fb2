import BusbarServer
import DepotConfig
import DepotModel
import DepotRuntime
import DepotSimulator
import Foundation
import Logging
import PolicyEngine
import Storage
import VDV

/// The second half of a night at the demo depot over real sockets, with its VDV peers: Hochbahn's
/// chargers (hall A), every Hochbahn bus plugging in at 01:30 and leaving at its timetable departure, Hochbahn's virtual presystem sends
/// the timetable over VDV 463 (and at 03:00 an update moving hb-02's departure from 06:30 to
/// 06:00, which is when the bus really leaves) and checks every report, and the buses speak
/// VDV 261 every two minutes and pre-condition when Busbar asks. Runs 01:30–07:00 at 300×.
struct VDVNight: Sendable {
    static let speed = 300.0

    let depot: Depot
    let store: BusbarStore
    let plan: SimulationPlan
    /// The requests as first sent, and after the update.
    let firstTimetable: [VDV463.ChargingRequest]
    let revisedTimetable: [VDV463.ChargingRequest]
    let updateAt: Date
    /// The presystem's view at 03:30, when every bus is plugged in, and at the end.
    let duringNight: PresystemFleetView
    /// The simulated batteries' state of charge at 03:30, by VIN.
    let trueSoC: [String: Double]
    let final: PresystemFleetView
    let reports: Int
    let problems: [String]
    let accepted: Int
    let refusals: [String]
    /// Frames for the schema check (see ``VirtualPresystem/frames``).
    let frames: [String]
    let departures: [VehicleDeparture]
    let exchanges: Int
    let busFailures: [String]
    let preconditioningDesired: Set<String>
    let episodes: [PreconditioningEpisode]

    static func time(_ text: String, on day: LocalDate, in depot: Depot) -> Date {
        day.instant(at: TimeOfDay(text)!, in: depot.timeZone)
    }

    static func run() async throws -> VDVNight {
        let depot = try DepotFileLoader.load(path: DemoNight.root.appendingPathComponent("config/depots/demo.yaml").path)
        // The night from Tuesday 24 to Wednesday 25 November 2026, so every weekday line runs.
        let evening = LocalDate(year: 2026, month: 11, day: 24).instant(at: TimeOfDay("19:00")!, in: depot.timeZone)
        let morning = LocalDate(year: 2026, month: 11, day: 25)
        let start = time("01:30", on: morning, in: depot)
        let end = time("07:00", on: morning, in: depot)
        let night = SimulationPlan(depot: depot, start: evening, seed: 11)
        let hallA = night.stations.indices.filter { depot.charger(ChargerID(night.stations[$0].id))?.area == "hall-a" }
        let visits = night.visits.filter { hallA.contains($0.station) }.enumerated().map { index, visit in
            var visit = visit
            visit.station = hallA.firstIndex(of: visit.station)!
            visit.arrival = start.addingTimeInterval(Double(index) * 20)
            return visit
        }
        var plan = SimulationPlan(stations: hallA.map { night.stations[$0] }, visits: visits)
        let firstTimetable = UpstreamTimetable.requests(plan: plan, depot: depot, tenant: "hochbahn")
        let hb02 = try requireValue(plan.visits.firstIndex { $0.vehicle.idToken == "04A2B3C40002" })
        plan.visits[hb02].departure = time("06:00", on: morning, in: depot)
        let revisedTimetable = UpstreamTimetable.requests(plan: plan, depot: depot, tenant: "hochbahn")
        let updateAt = time("03:00", on: morning, in: depot)

        let clock = AcceleratedClock(origin: start, factor: speed)
        let defaults = try PolicyRevision(folder: "policies/defaults", directory: DemoNight.root.appendingPathComponent("policies/defaults"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-vdv-night-\(UUID().uuidString).sqlite").path
        let store = BusbarStore(try BusbarDatabase.open(path: path))
        let logger = Logger(label: "vdv-night")
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [depot], store: store,
            policies: [depot.id: PolicyEngine(depot: depot.id, defaults: defaults)], runtime: RuntimeSettings(tick: .seconds(30)),
            secrets: SecretResolver(environment: DemoSecrets.environment), clock: clock, presystemReportInterval: .seconds(60), logger: logger
        ) { _, port in announce.yield(port) }

        return try await withThrowingTaskGroup(of: Void.self, returning: VDVNight.self) { group in
            group.addTask { try? await server.run() }
            var portIterator = ports.makeAsyncIterator()
            let port = try requireValue(await portIterator.next())
            let simulation = Simulation(
                plan: plan, baseURL: "ws://127.0.0.1:\(port)", passwords: .demo, clock: clock, tick: .seconds(60), callTimeout: 30 * speed, seed: 11,
                logger: logger)
            let peers = VDVPeers(
                simulation: simulation, depot: depot, port: port, secret: DemoSecrets.value(of:), busInterval: .seconds(120), clock: clock, seed: 11,
                logger: logger)
            let presystem = try requireValue(peers.presystems.first)
            await presystem.replaceTimetable(firstTimetable)
            group.addTask { await simulation.run(for: .seconds(end.timeIntervalSince(start)), reportInterval: .seconds(3600)) { _ in } }
            group.addTask { await peers.run(until: end) }

            try await clock.sleep(until: updateAt)
            await presystem.replaceTimetable(revisedTimetable)
            try await clock.sleep(until: time("03:30", on: morning, in: depot))
            let duringNight = await presystem.fleet
            var trueSoC: [String: Double] = [:]
            for visit in plan.visits {
                let battery = await simulation.clients[visit.station].station.connector(visit.connector)?.vehicle?.battery
                if let vin = depot.vehicle(identifiedBy: visit.vehicle.idToken)?.vin, let battery { trueSoC[vin] = battery.stateOfCharge }
            }
            try await clock.sleep(until: end.addingTimeInterval(60))
            let log = peers.fleet.log
            let night = VDVNight(
                depot: depot, store: store, plan: plan, firstTimetable: firstTimetable, revisedTimetable: revisedTimetable, updateAt: updateAt,
                duringNight: duringNight, trueSoC: trueSoC, final: await presystem.fleet, reports: await presystem.reports,
                problems: await presystem.problems,
                accepted: await presystem.accepted, refusals: await presystem.refusals, frames: await presystem.frames,
                departures: await simulation.departures.departures, exchanges: await log.exchanges, busFailures: await log.failures,
                preconditioningDesired: await log.preconditioningDesired, episodes: await log.episodes)
            group.cancelAll()
            return night
        }
    }
}
