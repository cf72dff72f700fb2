public import DepotModel
import Foundation
public import Logging
public import Notifications
public import PolicyEngine
import PowerSolver
public import Storage

/// The depot actor (docs/architecture.md): applies the chargers' events to one live picture of the
/// depot, asks the policies and the solver, and sends the resulting commands. Transport-free and
/// driven by an injected clock, so a whole night runs in minutes under the simulator.
public actor DepotController {
    /// The depot's configuration in force.
    public private(set) var depot: Depot
    let engine: PolicyEngine
    let store: BusbarStore
    let control: any ChargerControl
    let clock: any BusbarClock
    let settings: RuntimeSettings
    let logger: Logger
    /// Sends what the escalation policy asks for; nil runs the depot without notifications.
    let notifier: Notifier?

    /// Every configured connector, by address.
    var connectors: [ConnectorAddress: ConnectorRecord] = [:]
    /// Chargers with an open WebSocket.
    var online: Set<ChargerID> = []
    /// Known stays: the depot file's daily timetable for the coming day, plus API and VDV 463 entries.
    var entries: [TimetableEntryID: TimetableEntry] = [:]
    /// Bay reservations, derived from stays with a bay (and explicit ones).
    var reservations: [ReservationID: Reservation] = [:]
    /// Reservations whose enforcement an operator lifted through the API (they block nobody).
    var overrides: Set<ReservationID> = []
    /// The night plan in force and when the next round is due.
    var plan: Plan?
    var planNeeded = true
    var nextPlanAt = Date.distantPast
    /// When the plan in force was made, each of its vehicles as planned and the stay it plans for.
    var plannedAt: Date?
    var plannedVehicles: [VehicleID: PlanningVehicle] = [:]
    var plannedStays: [VehicleID: TimetableEntryID] = [:]
    /// The plan rolled forward from what is measured now (taper, acceptance), refreshed every tick.
    var predicted: [VehicleID: VehiclePlan] = [:]
    /// What each running session takes against its limit.
    var acceptance: [ChargingSessionID: AcceptanceWatch] = [:]
    /// The open `will_miss_departure` per stay, resolved when its forecast recovers or the bus leaves.
    var misses: [TimetableEntryID: DepotIncident] = [:]
    /// The latest re-plan because the depot left the plan (rate-limited).
    var deviationPlannedAt = Date.distantPast
    /// The `preconditioning` policy's latest answer per stay, and what vehicles reported over VDV 261 per stay.
    var preconditioningPlans: [TimetableEntryID: PreconditioningState] = [:]
    var reportedNeeds: [TimetableEntryID: VehicleReport] = [:]
    /// The priority policy's decision per plugged-in connector, from the latest round.
    var tiers: [ConnectorAddress: PriorityDecision] = [:]
    /// When each session was admitted by the allocator (kept to avoid flapping, docs/solver.md §5).
    var admitted: [ConnectorAddress: Date] = [:]
    /// The latest site meter reading (total import incl. other loads).
    var siteMeter: (power: Kilowatts, at: Date)?
    /// Connectors whose next session starts held (a `hold` decision at authorization).
    var pendingHolds: Set<ConnectorAddress> = []
    /// Reservation buffer and no-show grace: the enforcement policy's settings over the depot file's.
    var bufferSeconds: TimeInterval = 900
    var noShowGraceSeconds: TimeInterval = 1800
    /// The escalation policy's departure reminder offsets in seconds (`M.departure_reminders`).
    var departureReminders: [Int] = []
    /// Enforcement events already decided, so each is asked once.
    var enforced: Set<String> = []
    /// How each running session's SoC moves, for `soc_not_progressing`.
    var progress: [ChargingSessionID: SessionProgress] = [:]
    /// Sessions Busbar (an operator or the enforcement policy) asked to stop: their end is expected.
    var requestedStops: Set<ChargingSessionID> = []
    /// The open `power_limit_changed` incident of the grid, resolved by the next change.
    var gridLimitIncident: DepotIncident?
    /// Recent operational events, newest last, for the API and the live map.
    var events: [DepotIncident] = []
    /// Each charger's fail-safe share, from the depot tree (recomputed on reload).
    var failSafeShares: [ChargerID: Kilowatts]
    /// Where the time goes, for bench/README.md.
    public internal(set) var statistics = RuntimeStatistics()

    let commands: AsyncStream<ChargerCommand>
    let commandSink: AsyncStream<ChargerCommand>.Continuation
    /// Incidents waiting for the escalation task, incidents whose condition cleared, and its signal.
    var pendingEscalations: [DepotIncident] = []
    var pendingResolutions: [IncidentKey] = []
    let escalationWakes: AsyncStream<Void>
    let escalationWake: AsyncStream<Void>.Continuation
    /// Decision records waiting for the recorder task, and its wake-up signal.
    var pendingRecords: [PolicyDecisionRecord] = []
    let recordWakes: AsyncStream<Void>
    let recordWake: AsyncStream<Void>.Continuation

    /// A depot ready to run; nothing is sent before ``run()``.
    public init(
        depot: Depot, engine: PolicyEngine, store: BusbarStore, control: any ChargerControl, clock: any BusbarClock,
        settings: RuntimeSettings = RuntimeSettings(), notifier: Notifier? = nil, logger: Logger
    ) {
        self.depot = depot
        self.engine = engine
        self.store = store
        self.control = control
        self.clock = clock
        self.settings = settings
        self.logger = logger
        self.notifier = notifier
        (escalationWakes, escalationWake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        (commands, commandSink) = AsyncStream.makeStream(of: ChargerCommand.self)
        (recordWakes, recordWake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        failSafeShares = FailSafeShares.shares(for: depot)
        for charger in depot.chargers {
            for connector in charger.connectors {
                let address = ConnectorAddress(charger: charger.id, connector: connector.number)
                connectors[address] = ConnectorRecord(address: address)
            }
        }
    }

    /// Runs the control loop and the command dispatch until the task is cancelled.
    public func run() async {
        await restore()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.dispatchCommands() }
            group.addTask { await self.writeDecisionRecords() }
            group.addTask { await self.escalateIncidents() }
            while !Task.isCancelled {
                await tick()
                do { try await clock.sleep(for: settings.tick) } catch { break }
            }
            commandSink.finish()
            recordWake.finish()
            escalationWake.finish()
            await group.waitForAll()
        }
    }

    /// One round of the control loop: timetable, enforcement, plan when due, allocation.
    public func tick() async {
        let now = clock.now()
        refreshTimetable(now: now)
        await enforceReservations(now: now)
        remindOfDepartures(now: now)
        watchProgress(now: now)
        watchAvailability(now: now)
        watchPlanDeviation(now: now)
        if planNeeded || now >= nextPlanAt {
            await planRound(now: now)
        }
        refreshPredictions(now: now)
        allocate(now: now)
    }

    /// Sends queued commands, several chargers at once, and applies each answer.
    private func dispatchCommands() async {
        await withTaskGroup(of: Void.self) { group in
            for await command in commands {
                group.addTask {
                    let result = await self.control.execute(command)
                    await self.completed(command, result: result)
                }
            }
        }
    }

    /// Queues a command for the dispatcher.
    func send(_ command: ChargerCommand) {
        commandSink.yield(command)
    }

    /// Takes a reloaded depot configuration into use; the next tick re-plans with it.
    public func apply(depot: Depot) {
        noteGridLimitChange(from: self.depot.grid, to: depot.grid)
        self.depot = depot
        failSafeShares = FailSafeShares.shares(for: depot)
        for charger in depot.chargers {
            for connector in charger.connectors {
                let address = ConnectorAddress(charger: charger.id, connector: connector.number)
                if connectors[address] == nil { connectors[address] = ConnectorRecord(address: address) }
            }
        }
        entries = entries.filter { $0.value.source != .depotFile }
        planNeeded = true
    }

    /// A new policy revision was swapped in: the next tick asks it again and re-plans.
    public func policiesReloaded() {
        planNeeded = true
        resolve(IncidentKey(depot: depot.id, kind: DepotIncident.Kind.configReloadFailed.rawValue, subject: .depot))
    }

    /// Remembers an operational event for the API and the live map (the newest 500).
    func note(_ incident: DepotIncident) {
        events.append(incident)
        if events.count > 500 { events.removeFirst(events.count - 500) }
        if notifier != nil, Self.operationalKind(of: incident.kind) != nil {
            pendingEscalations.append(incident)
            escalationWake.yield()
        }
        logger.info("\(incident.kind.rawValue): \(incident.message)", metadata: ["depot": "\(depot.id)"])
    }
}
