import DepotModel
import Foundation
import Notifications

/// The operational events that come from watching the depot rather than from one message
/// (docs/policy-api.md, `escalation`): a bus that stopped charging too early, a session that should
/// charge but does not, a connector out of service, a changed power limit.
extension DepotController {
    /// Stop reasons that say something went wrong, whoever the session belongs to (OCPP 1.6
    /// `Reason`, 2.0.1 `ReasonEnumType`).
    static let faultStopReasons: Set<String> = [
        "EmergencyStop", "PowerLoss", "Reboot", "HardReset", "SoftReset", "GroundFault", "OvercurrentFault", "PowerQuality",
        "Timeout", "ReqEnergyTransferRejected", "ImmediateReset", "Other",
    ]

    /// Asks the charger to end a session and remembers that Busbar did, so its end is expected.
    func requestStop(_ session: LiveSession) {
        requestedStops.insert(session.id)
        send(.remoteStop(session.connector, transaction: session.transaction))
    }

    /// A session ended: what was said about it and its departure is over, and it is
    /// `session_stopped_unexpectedly` when nobody at Busbar asked for it and a fleet bus leaves
    /// its stay short of its minimum SoC more than 15 minutes before departure (or, without a
    /// stay, when the reason is a fault).
    func sessionEnded(_ session: LiveSession, reason: String, at now: Date) {
        let entry = session.entry.flatMap { entries[$0] }
        if let stalled = progress.removeValue(forKey: session.id)?.incident { resolve(key(of: stalled)) }
        if session.manualCap != nil {
            resolve(key(of: DepotIncident(kind: .powerLimitChanged, at: now, vehicle: session.vehicle, connector: session.connector, message: "")))
        }
        if let stay = session.entry { misses[stay] = nil }
        acceptance[session.id] = nil
        if let vehicle = session.vehicle, let departure = entry?.departure {
            let said: [(DepotIncident.Kind, Int?)] =
                [(.willMissDeparture, nil), (.departureReached, nil)] + departureReminders.map { (.departureReminder, $0) }
            for (kind, offset) in said {
                resolve(key(of: DepotIncident(kind: kind, at: now, vehicle: vehicle, message: "", offset: offset, departure: departure)))
            }
        }
        guard requestedStops.remove(session.id) == nil else { return }
        let message: String
        if let entry, let vehicle = session.vehicle, let master = depot.vehicle(vehicle) {
            let soc = stateOfCharge(session, vehicle: master, entry: entry)
            let before = entry.departure.timeIntervalSince(now)
            guard soc.value < entry.minTargetSoC.value, before > 900 else { return }
            message =
                "\(vehicle) stopped charging at \(Int(soc.value)) % (needs \(Int(entry.minTargetSoC.value)) %), "
                + "\(Int(before / 60)) min before departure: \(reason)"
        } else {
            guard Self.faultStopReasons.contains(reason) else { return }
            message = "\(session.connector) stopped a session: \(reason)"
        }
        note(
            DepotIncident(
                kind: .sessionStoppedUnexpectedly, at: now, tenant: session.tenant, vehicle: session.vehicle, connector: session.connector,
                message: message, departure: entry?.departure))
    }

    /// A session started: an earlier unexpected stop of the same bus (or connector) is mended.
    func sessionStarted(_ session: LiveSession, at now: Date) {
        resolve(
            key(
                of: DepotIncident(
                    kind: .sessionStoppedUnexpectedly, at: now, vehicle: session.vehicle, connector: session.vehicle == nil ? session.connector : nil,
                    message: "", departure: session.entry.flatMap { entries[$0] }?.departure)))
    }

    /// `soc_not_progressing`: a session the allocator lets charge (at least 1 kW in force) that
    /// gains neither energy nor SoC for `stallAfter` while below its maximum target. Resolved when
    /// it gains again or the session ends.
    func watchProgress(now: Date) {
        var running: Set<ChargingSessionID> = []
        for record in connectors.values.sorted(by: { $0.address < $1.address }) {
            guard let session = record.session else { continue }
            running.insert(session.id)
            let here = SessionProgress(energy: session.energy, soc: session.reportedSoC, since: now)
            guard var watch = progress[session.id] else {
                progress[session.id] = here
                continue
            }
            if watch.isPassed(by: session) {
                if let stalled = watch.incident { resolve(key(of: stalled)) }
                watch = here
            } else if !shouldProgress(record, session) {
                watch.since = now
            } else if watch.incident == nil, now.timeIntervalSince(watch.since) >= settings.stallAfter.secondsValue {
                let soc = session.reportedSoC.map { " at \(Int($0.value)) %" } ?? ""
                let incident = DepotIncident(
                    kind: .socNotProgressing, at: now, tenant: session.tenant, vehicle: session.vehicle, connector: record.address,
                    message:
                        "\(session.vehicle?.rawValue ?? record.address.description)\(soc): no charge gained for "
                        + "\(Int(now.timeIntervalSince(watch.since) / 60)) min at \(record.address)",
                    departure: session.entry.flatMap { entries[$0] }?.departure)
                note(incident)
                watch.incident = incident
            }
            progress[session.id] = watch
        }
        progress = progress.filter { running.contains($0.key) }
    }

    /// Whether the session ought to be gaining charge now: its charger online (an offline one
    /// sends no readings), not held, allowed at least 1 kW, and below its stay's maximum target.
    private func shouldProgress(_ record: ConnectorRecord, _ session: LiveSession) -> Bool {
        guard !session.held, online.contains(record.address.charger), record.state != .faulted,
            (record.limitInForce ?? failSafeShare(perConnectorOf: record.address.charger)).value >= 1
        else { return false }
        // Without a stay there is no target: only a charger that says it charges should gain.
        guard let entry = session.entry.flatMap({ entries[$0] }) else { return record.state == .charging }
        return (session.reportedSoC?.value ?? 0) < entry.maxTargetSoC.value - 1
    }

    /// `availability_changed`: a connector of an online charger reports `Unavailable` for longer
    /// than `unavailableAfter` (set inoperative at the charger or by its operator); resolved when
    /// it reports anything else.
    func watchAvailability(now: Date) {
        for address in connectors.keys.sorted() {
            guard let record = connectors[address], online.contains(address.charger), let since = record.unavailableSince,
                !record.unavailabilityNoted, now.timeIntervalSince(since) >= settings.unavailableAfter.secondsValue
            else { continue }
            connectors[address]?.unavailabilityNoted = true
            note(DepotIncident(kind: .availabilityChanged, at: now, connector: address, message: "\(address) is unavailable"))
        }
    }

    /// Keeps track of `Unavailable` for ``watchAvailability(now:)`` and resolves what a status
    /// change mends: the connector's fault and its unavailability.
    func statusChanged(_ address: ConnectorAddress, from before: ConnectorState?, to state: ConnectorState, at now: Date) {
        if state == .unavailable {
            if before != .unavailable { connectors[address]?.unavailableSince = now }
        } else {
            if connectors[address]?.unavailabilityNoted == true {
                resolve(key(of: DepotIncident(kind: .availabilityChanged, at: now, connector: address, message: "")))
            }
            connectors[address]?.unavailableSince = nil
            connectors[address]?.unavailabilityNoted = false
        }
        if before == .faulted, state != .faulted {
            resolve(key(of: DepotIncident(kind: .fault, at: now, connector: address, message: "")))
        }
    }

    /// `power_limit_changed` for an operator's cap on a session (set or lifted); one incident per
    /// session, resolved when the session ends.
    func noteSessionCap(_ session: LiveSession, cap: Kilowatts?, at now: Date) {
        let text = cap.map { "capped at \($0)" } ?? "cap lifted"
        note(
            DepotIncident(
                kind: .powerLimitChanged, at: now, tenant: session.tenant, vehicle: session.vehicle, connector: session.connector,
                message: "\(session.vehicle?.rawValue ?? session.connector.description) \(text) by an operator"))
    }

    /// `power_limit_changed` for the depot: a reloaded depot file changed the grid connection's
    /// limit or a time block's; the previous such incident is superseded.
    func noteGridLimitChange(from old: GridConnection, to new: GridConnection) {
        var changes: [String] = []
        if old.connectionLimit != new.connectionLimit { changes.append("connection \(old.connectionLimit) → \(new.connectionLimit)") }
        for block in new.blocks {
            let before = old.blocks.first { $0.name == block.name }
            if before?.limit != block.limit { changes.append("block \(block.name) \(before.map { "\($0.limit)" } ?? "new") → \(block.limit)") }
        }
        for block in old.blocks where !new.blocks.contains(where: { $0.name == block.name }) { changes.append("block \(block.name) removed") }
        guard !changes.isEmpty else { return }
        if let previous = gridLimitIncident { resolve(key(of: previous)) }
        let incident = DepotIncident(kind: .powerLimitChanged, at: clock.now(), message: "grid limit changed: " + changes.joined(separator: "; "))
        gridLimitIncident = incident
        note(incident)
    }
}
