import DepotModel
import Foundation
import Logging
import Notifications
import PolicyEngine

extension DepotController {
    /// The incidents people are told about, as the `escalation` policy's event kinds
    /// (docs/policy-api.md); enforcement decisions are recorded and shown, not escalated.
    static func operationalKind(of kind: DepotIncident.Kind) -> OperationalEvent.Kind? {
        switch kind {
        case .chargerOffline: .chargerOffline
        case .fault: .fault
        case .willMissDeparture: .willMissDeparture
        case .departureReached: .overstay
        case .departureReminder: .departureReminder
        case .policyFailed: .policyFailed
        case .configReloadFailed: .configReloadFailed
        case .sessionStoppedUnexpectedly: .sessionStoppedUnexpectedly
        case .socNotProgressing: .socNotProgressing
        case .availabilityChanged: .availabilityChanged
        case .powerLimitChanged: .powerLimitChanged
        case .wrongVehicle, .bufferStart, .noShow, .unknownToken, .areaDenied, .profileRejected: nil
        }
    }

    /// The notification incident an operational event opens. Charger conditions (offline, fault,
    /// unavailable) belong to the charger or connector; a session's cap to its vehicle; a grid
    /// limit change is its own incident; everything else about a vehicle is per departure, so
    /// tomorrow's departure is a new incident.
    func incidentKey(for incident: DepotIncident, departure: Date?) -> IncidentKey {
        let place: IncidentKey.Subject? = incident.connector.map {
            $0.connector == 0 ? .charger($0.charger) : .connector($0.charger, $0.connector)
        }
        let kind = incident.kind.rawValue
        switch incident.kind {
        case .chargerOffline, .fault, .availabilityChanged:
            return IncidentKey(depot: depot.id, kind: kind, subject: place ?? .depot)
        case .powerLimitChanged:
            if let vehicle = incident.vehicle { return IncidentKey(depot: depot.id, kind: kind, subject: .vehicle(vehicle)) }
            if let place { return IncidentKey(depot: depot.id, kind: kind, subject: place) }
            return IncidentKey(depot: depot.id, kind: kind, subject: .depot, detail: ISO8601DateFormatter().string(from: incident.at))
        default:
            let subject = incident.vehicle.map { IncidentKey.Subject.vehicle($0) } ?? place ?? .depot
            let detail = departure.map { ISO8601DateFormatter().string(from: $0) + (incident.offset.map { "\($0 >= 0 ? "+" : "")\($0)" } ?? "") }
            return IncidentKey(depot: depot.id, kind: kind, subject: subject, detail: incident.vehicle == nil ? nil : detail)
        }
    }

    /// The incident's key, with the vehicle's next departure after it.
    func key(of incident: DepotIncident) -> IncidentKey {
        incidentKey(for: incident, departure: departure(after: incident))
    }

    /// The incident's own departure, else that of the vehicle's earliest stay ending after it.
    func departure(after incident: DepotIncident) -> Date? {
        if let departure = incident.departure { return departure }
        guard let vehicle = incident.vehicle else { return nil }
        return entries.values.filter { $0.vehicle == vehicle && $0.departure > incident.at }.map(\.departure).min()
    }

    /// Asks the escalation policy about each queued incident and hands its steps to the notifier,
    /// until the loop ends; runs beside the control loop so neither Lua nor SMTP delays it.
    func escalateIncidents() async {
        for await _ in escalationWakes {
            let incidents = pendingEscalations
            pendingEscalations = []
            for incident in incidents { await escalate(incident) }
            let resolutions = pendingResolutions
            pendingResolutions = []
            for key in resolutions {
                do {
                    try await notifier?.resolve(key, at: clock.now())
                } catch {
                    logger.error("incident \(key.text) not resolved: \(error)")
                }
            }
        }
    }

    private func escalate(_ incident: DepotIncident) async {
        guard let notifier, let kind = Self.operationalKind(of: incident.kind) else { return }
        let departure = departure(after: incident)
        let event = OperationalEvent(
            kind: kind, at: incident.at, tenant: incident.tenant, vehicle: incident.vehicle, charger: incident.connector?.charger,
            connectorId: incident.connector.flatMap { $0.connector == 0 ? nil : $0.connector }, departure: departure, offsetS: incident.offset,
            message: incident.message)
        let started = ContinuousClock.now
        let outcome = await engine.escalation(policyContext(now: incident.at), event: event)
        statistics.policy += ContinuousClock.now - started
        record([outcome.record])
        let steps = outcome.value.map { message in
            EscalationStep(
                channel: NotificationChannel(rawValue: message.channel.rawValue) ?? .email, recipientGroup: message.to,
                delay: .seconds(message.afterS), severity: NotificationSeverity(rawValue: message.severity.rawValue) ?? .info, text: message.text,
                untilResolved: message.untilResolved, repeatInterval: message.repeatS.map { .seconds($0) })
        }
        guard !steps.isEmpty else { return }
        do {
            _ = try await notifier.raise(incidentKey(for: incident, departure: departure), tenant: incident.tenant, steps: steps, at: incident.at)
        } catch is CancellationError {
            // Shutting down: the incident is the process's own doing.
        } catch {
            logger.error("notifications for \(incident.kind.rawValue) not stored: \(error)")
        }
    }

    /// Departure reminders (docs/policy-api.md, `escalation`): for every plugged-in bus, one event at
    /// each offset of the policy's `M.departure_reminders` (seconds relative to the departure;
    /// read each planning round). A reminder more than ten minutes late is not sent.
    func remindOfDepartures(now: Date) {
        guard notifier != nil else { return }
        for record in connectors.values.sorted(by: { $0.address < $1.address }) {
            guard let session = record.session, let vehicle = session.vehicle, let master = depot.vehicle(vehicle),
                let entry = session.entry.flatMap({ entries[$0] })
            else { continue }
            for offset in departureReminders {
                let due = entry.departure.addingTimeInterval(Double(offset))
                guard now >= due, now < due.addingTimeInterval(600), enforced.insert("reminder:\(entry.id):\(offset)").inserted else { continue }
                let when = offset < 0 ? "in \(-offset / 60) min" : offset == 0 ? "now" : "\(offset / 60) min ago"
                note(
                    DepotIncident(
                        kind: .departureReminder, at: now, tenant: session.tenant, vehicle: vehicle, connector: record.address,
                        message: "\(vehicle) departs \(when), at \(Int(stateOfCharge(session, vehicle: master, entry: entry).value)) %",
                        offset: offset, departure: entry.departure))
            }
        }
    }

    /// A new depot file or policy revision was refused; the last good one stays active. Operators
    /// are told (`config_reload_failed`); the next successful reload resolves it.
    public func reloadFailed(_ message: String) {
        note(DepotIncident(kind: .configReloadFailed, at: clock.now(), message: message))
    }

    /// A policy failed and its domain's default decided (the engine raises this at the first
    /// failure, then at most every 15 minutes).
    func notePolicyFailure(_ alert: PolicyAlert?) {
        guard let alert else { return }
        note(
            DepotIncident(
                kind: .policyFailed, at: alert.at,
                message: "\(alert.domain.rawValue) policy failed \(alert.consecutiveFailures)× (the default decides): \(alert.error.message)"))
    }

    /// The condition behind an incident cleared: the live picture shows it, and its notifications stop.
    func resolve(_ key: IncidentKey) {
        let now = clock.now()
        for index in events.indices where events[index].clearedAt == nil && Self.operationalKind(of: events[index].kind) != nil {
            if self.key(of: events[index]) == key { events[index].clearedAt = now }
        }
        guard notifier != nil else { return }
        pendingResolutions.append(key)
        escalationWake.yield()
    }
}
