public import DepotModel
public import Foundation
public import Logging
public import Storage

/// One depot's notifications: turns an incident's escalation steps into durable outbox entries,
/// delivers them when due through the configured channels, retries with backoff, repeats steps
/// until the incident is resolved, and stops the ladder when someone acknowledges.
///
/// Everything is in the database before `raise`, `acknowledge` or `resolve` return, and `run()`
/// only works from the database, so a restarted process resumes where the last one stopped.
public actor Notifier {
    let depot: Depot
    let store: BusbarStore
    let transports: NotificationTransports
    let clock: any BusbarClock
    let retry: RetryPolicy
    let logger: Logger
    private var random: any RandomNumberGenerator & Sendable
    private let wake = WakeSignal()
    /// Entries a pass is sending right now, so an overlapping pass never sends them twice.
    private var inFlight: Set<String> = []
    /// How many due entries one delivery pass sends (concurrently).
    private let batchSize = 32

    /// - Parameters:
    ///   - depot: the depot whose tenants' recipient groups and webhooks address the steps.
    ///   - transports: the channels (`NotificationTransports.live` in production).
    ///   - clock: decides when entries are due; tests pass a manual clock.
    ///   - random: draws the retry jitter; tests pass a seeded generator.
    public init(
        depot: Depot, store: BusbarStore, transports: NotificationTransports, clock: any BusbarClock, retry: RetryPolicy = RetryPolicy(),
        random: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(), logger: Logger
    ) {
        self.depot = depot
        self.store = store
        self.transports = transports
        self.clock = clock
        self.retry = retry
        self.random = random
        var logger = logger
        logger[metadataKey: "depot.id"] = "\(depot.id)"
        self.logger = logger
    }

    /// Opens an incident and writes one outbox entry per step and concrete recipient, due at
    /// `instant + step.delay`. Raising an incident that is still unresolved (open or acknowledged)
    /// writes nothing. Committed before it returns.
    /// - Parameters:
    ///   - tenant: whose recipient groups address the steps; nil for depot-wide incidents, whose
    ///     groups are looked up across the depot's tenants.
    public func raise(
        _ incident: IncidentKey, tenant: TenantID? = nil, steps: [EscalationStep], at instant: Date
    ) async throws
        -> RaiseOutcome
    {
        let (entries, unaddressed) = outboxEntries(for: incident, tenant: tenant, steps: steps, at: instant)
        let record = IncidentRecord(
            depotID: depot.id.rawValue, incidentKey: incident.text, kind: incident.kind, tenantID: tenant?.rawValue, raisedAt: instant)
        switch try await store.openIncident(record, entries: entries) {
        case .alreadyOpen(let existing):
            return RaiseOutcome(incidentID: existing.id ?? 0, deduplicated: true, enqueued: 0, unaddressed: [])
        case .opened(let stored):
            for reason in unaddressed {
                logger.warning("escalation step reaches nobody", metadata: ["notify.incident": "\(incident.text)", "notify.reason": "\(reason)"])
            }
            wake.signal()
            return RaiseOutcome(incidentID: stored.id ?? 0, deduplicated: false, enqueued: entries.count, unaddressed: unaddressed)
        }
    }

    /// Someone acted: cancels everything pending or repeating for the incident, so its ladder
    /// stops climbing. Committed before it returns.
    /// - Returns: the incident, or nil when it is not unresolved.
    @discardableResult
    public func acknowledge(_ incident: IncidentKey, by person: String, at instant: Date) async throws -> IncidentRecord? {
        try await store.acknowledgeIncident(depot: depot.id, key: incident.text, by: person, at: instant)
    }

    /// The condition cleared: cancels everything pending or repeating for the incident; raising it
    /// again later opens a new incident. Committed before it returns.
    /// - Returns: the incident, or nil when it is not unresolved.
    @discardableResult
    public func resolve(_ incident: IncidentKey, at instant: Date) async throws -> IncidentRecord? {
        try await store.resolveIncident(depot: depot.id, key: incident.text, at: instant)
    }

    /// Delivers until cancelled: each pass sends what is due, then sleeps on the clock until the
    /// next entry is due or a raise wakes it.
    public func run() async throws {
        while !Task.isCancelled {
            while try await deliverDue() == batchSize {}
            let next = try await store.nextOutboxDueDate(depot: depot.id)
            do {
                try await waitForWork(until: next)
            } catch is CancellationError {
                return
            }
        }
    }

    /// One delivery pass: sends every entry due now (up to a batch), concurrently, and records
    /// each attempt. `run()` calls it; tests call it after advancing their clock.
    /// - Returns: how many entries were attempted.
    @discardableResult
    public func deliverDue() async throws -> Int {
        let now = clock.now()
        let due = try await store.dueOutboxEntries(depot: depot.id, at: now, limit: batchSize).filter { !inFlight.contains($0.id) }
        inFlight.formUnion(due.map(\.id))
        defer { inFlight.subtract(due.map(\.id)) }
        let failures = await attempt(due, at: now)
        // In the order they were due, so the jitter drawn for each is reproducible.
        for entry in due {
            try await record(entry, failure: failures[entry.id, default: .transient("the attempt gave no result")], at: now)
        }
        return due.count
    }

    // MARK: Queries for the REST API

    /// The depot's notifications, newest first, optionally of one tenant and one status.
    public func notifications(
        tenant: TenantID? = nil, status: OutboxEntryStatus? = nil, limit: Int = 100
    ) async throws
        -> [OutboxEntryRecord]
    {
        try await store.outboxEntries(depot: depot.id, tenant: tenant, status: status, limit: limit)
    }

    /// The depot's incidents, newest first, optionally of one tenant and one status.
    public func incidents(tenant: TenantID? = nil, status: IncidentStatus? = nil, limit: Int = 100) async throws -> [IncidentRecord] {
        try await store.incidents(depot: depot.id, tenant: tenant, status: status, limit: limit)
    }

    /// Every attempt made for one notification, oldest first.
    public func attempts(notification id: String) async throws -> [DeliveryAttemptRecord] {
        try await store.deliveryAttempts(entryID: id)
    }

    // MARK: Delivery

    /// Sends the entries concurrently; the failure of each (nil when sent), by entry id.
    private func attempt(_ entries: [OutboxEntryRecord], at now: Date) async -> [String: DeliveryFailure?] {
        let jobs = entries.map { entry in (entry.id, transport(for: entry), message(for: entry, at: now)) }
        return await withTaskGroup(of: (String, DeliveryFailure?).self) { group in
            for (id, transport, message) in jobs {
                group.addTask {
                    guard let transport, let message else {
                        return (id, .permanent("the channel is not configured for this depot"))
                    }
                    do {
                        try await transport.deliver(message)
                        return (id, nil)
                    } catch let failure as DeliveryFailure {
                        return (id, failure)
                    } catch {
                        return (id, .transient(String(describing: error)))
                    }
                }
            }
            var failures: [String: DeliveryFailure?] = [:]
            for await (id, failure) in group { failures[id] = failure }
            return failures
        }
    }

    private func record(_ entry: OutboxEntryRecord, failure: DeliveryFailure?, at now: Date) async throws {
        var metadata: Logger.Metadata = [
            "notify.entry": "\(entry.id)", "notify.channel": "\(entry.channel)", "notify.attempt": "\(entry.attempts + 1)",
        ]
        let outcome: DeliveryOutcome
        switch failure {
        case nil:
            outcome = .sent
            logger.info("notification sent", metadata: metadata)
        case .permanent(let reason):
            outcome = .failed(error: reason)
            metadata["notify.error"] = "\(reason)"
            logger.error("notification failed permanently", metadata: metadata)
        case .transient(let reason):
            let giveUpAt = entry.firstDueAt.addingTimeInterval(retry.maximumAge.secondsValue)
            if now >= giveUpAt {
                outcome = .failed(error: "gave up after \(entry.attempts + 1) attempts: \(reason)")
                metadata["notify.error"] = "\(reason)"
                logger.error("notification failed, retries exhausted", metadata: metadata)
            } else {
                let draw = Double(random.next() >> 11) / Double(UInt64(1) << 53)
                let delay = retry.delay(afterAttempt: entry.attempts + 1, draw: draw)
                outcome = .retry(at: min(now.addingTimeInterval(delay), giveUpAt), error: reason)
                metadata["notify.error"] = "\(reason)"
                logger.notice("notification will be retried", metadata: metadata)
            }
        }
        try await store.recordDeliveryAttempt(entryID: entry.id, at: now, outcome: outcome, followUp: followUp(after: entry, at: now))
    }

    /// The next occurrence of a repeating step, due one interval after this one was first due.
    private func followUp(after entry: OutboxEntryRecord, at now: Date) -> OutboxEntryRecord? {
        guard let seconds = entry.repeatSeconds else { return nil }
        var next = entry
        next.id = UUID().uuidString
        next.status = .pending
        next.firstDueAt = max(entry.firstDueAt.addingTimeInterval(TimeInterval(seconds)), now)
        next.dueAt = next.firstDueAt
        next.attempts = 0
        next.lastAttemptAt = nil
        next.lastError = nil
        next.sentAt = nil
        return next
    }

    private func waitForWork(until deadline: Date?) async throws {
        let clock = self.clock
        let wake = self.wake
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let deadline { group.addTask { try await clock.sleep(until: deadline) } }
            group.addTask { await wake.wait() }
            _ = try await group.next()
            group.cancelAll()
        }
        try Task.checkCancellation()
    }
}
