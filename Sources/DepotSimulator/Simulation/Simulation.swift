public import DepotModel
public import Foundation
public import Logging

/// A simulated depot: one ``StationClient`` per station of a ``SimulationPlan``, vehicles
/// plugging in and leaving as planned, all on one injected clock.
public struct Simulation: Sendable {
    /// The stations and visits being simulated.
    public let plan: SimulationPlan
    /// One client per station of the plan, in plan order.
    public let clients: [StationClient]
    /// The vehicles that left so far and their state of charge.
    public let departures = DepartureLog()
    private let clock: any BusbarClock

    /// - Parameters:
    ///   - baseURL: the Busbar OCPP listener, e.g. `ws://127.0.0.1:8180`.
    ///   - passwords: the Basic-auth password of each station.
    ///   - seed: seeds every station's message ids and back-off.
    ///   - tick: how often in clock time each station advances; charging is still integrated in
    ///     one-second steps, so a longer tick under a fast clock only coarsens sample timing.
    ///   - callTimeout: clock seconds a station waits for an answer (30 s of real time is
    ///     30 × speed under an accelerated clock).
    public init(
        plan: SimulationPlan, baseURL: String, passwords: StationPasswords, clock: any BusbarClock, tick: Duration = .seconds(1),
        callTimeout: TimeInterval = 30, seed: UInt64, logger: Logger
    ) {
        self.plan = plan
        self.clock = clock
        clients = plan.stations.enumerated().map { index, setup in
            let stationSeed = seed &+ UInt64(index) &* 0x9E37_79B9
            var station = SimulatedStation(setup: setup, password: passwords.password(for: setup.id), seed: stationSeed)
            station.callTimeout = callTimeout
            return StationClient(
                station: station, baseURL: baseURL,
                clock: clock, tick: tick, seed: ~stationSeed, logger: logger
            )
        }
    }

    /// Runs for `duration` of clock time, calling `report` every `reportInterval` of clock time
    /// and once at the end; returns the last summary.
    @discardableResult
    public func run(for duration: Duration, reportInterval: Duration, report: @Sendable (SimulationSummary) -> Void) async -> SimulationSummary {
        let end = clock.now().addingTimeInterval(duration.secondsValue)
        return await withTaskGroup(of: Void.self, returning: SimulationSummary.self) { group in
            for client in clients { group.addTask { await client.run() } }
            group.addTask { await self.performVisits(until: end) }
            var last = await summarize(since: ContinuousClock.now, previousFrames: 0)
            var lastInstant = ContinuousClock.now
            while clock.now() < end {
                let next = min(end, clock.now().addingTimeInterval(reportInterval.secondsValue))
                do { try await clock.sleep(until: next) } catch { break }
                last = await summarize(since: lastInstant, previousFrames: last.framesTotal)
                lastInstant = ContinuousClock.now
                report(last)
            }
            for client in clients { await client.stop() }
            group.cancelAll()
            return last
        }
    }

    /// The summary now.
    public func summarize(since instant: ContinuousClock.Instant, previousFrames: Int) async -> SimulationSummary {
        var summary = SimulationSummary(stations: clients.count, connected: 0, charging: 0, powerKW: 0, framesPerSecond: 0, framesTotal: 0)
        for client in clients {
            let counters = await client.counters
            summary.connected += counters.connected ? 1 : 0
            summary.charging += counters.charging
            summary.powerKW += counters.powerKW
            summary.framesTotal += counters.framesSent + counters.framesReceived
        }
        let elapsed = (ContinuousClock.now - instant).secondsValue
        summary.framesPerSecond = elapsed > 0 ? Double(summary.framesTotal - previousFrames) / elapsed : 0
        return summary
    }

    /// Plugs vehicles in at their arrival and out at their departure, in time order.
    private func performVisits(until end: Date) async {
        var events: [(time: Date, visit: VehicleVisit, arriving: Bool)] = []
        for visit in plan.visits {
            events.append((visit.arrival, visit, true))
            events.append((visit.departure, visit, false))
        }
        events.sort { ($0.time, $0.arriving ? 1 : 0) < ($1.time, $1.arriving ? 1 : 0) }
        for event in events where event.time < end {
            do { try await clock.sleep(until: event.time) } catch { return }
            let client = clients[event.visit.station]
            if event.arriving {
                await client.plugIn(connector: event.visit.connector, vehicle: event.visit.vehicle)
            } else {
                let processed = clock.now()
                let plugged = await client.station.connector(event.visit.connector)?.vehicle
                let battery = plugged?.idToken == event.visit.vehicle.idToken ? plugged?.battery : nil
                await client.unplug(connector: event.visit.connector)
                if let battery {
                    await departures.record(
                        VehicleDeparture(
                            visit: event.visit, stateOfCharge: battery.stateOfCharge, at: event.time, processedAt: processed))
                }
            }
        }
    }
}
