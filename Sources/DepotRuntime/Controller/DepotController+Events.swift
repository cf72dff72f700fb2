import DepotModel
import Foundation
import Logging
import Notifications
import PowerSolver
import Storage

extension DepotController {
    /// Applies one persisted station event to the live picture.
    public func handle(_ event: StationEvent) async {
        let now = clock.now()
        switch event {
        case .presence(let charger, let online):
            if online {
                self.online.insert(charger)
                resolve(IncidentKey(depot: depot.id, kind: DepotIncident.Kind.chargerOffline.rawValue, subject: .charger(charger)))
            } else {
                self.online.remove(charger)
                note(
                    DepotIncident(
                        kind: .chargerOffline, at: now, connector: ConnectorAddress(charger: charger, connector: 0),
                        message: "\(charger) went offline"))
                planNeeded = true
            }
        case .booted(let charger):
            guard let configured = depot.charger(charger) else { return }
            // A rebooted charger has lost nothing it stored, but its running profiles are unknown:
            // install the defaults again and re-send every session limit.
            send(.installDefaults(charger, stationMaximum: configured.maxPower, failSafe: failSafeShare(perConnectorOf: charger)))
            for address in configured.connectors.map({ ConnectorAddress(charger: charger, connector: $0.number) }) {
                connectors[address]?.limitInForce = nil
                connectors[address]?.limitSentAt = nil
            }
        case .connectorStatus(let address, let reported, let errorCode):
            // OCPP 2.0.1's `Occupied` covers every state of a plugged-in vehicle; the finer one
            // its transaction reported (charging, suspended …) stays.
            let finer: Set<ConnectorState> = [.preparing, .charging, .suspendedEV, .suspendedEVSE, .finishing]
            let state = reported == .occupied && connectors[address].map { finer.contains($0.state) } == true ? connectors[address]!.state : reported
            if address.connector == 0 {
                for key in connectors.keys where key.charger == address.charger && state == .faulted {
                    connectors[key]?.state = state
                }
                if state == .faulted {
                    note(
                        DepotIncident(
                            kind: .fault, at: now, connector: address, message: "\(address.charger) faulted\(errorCode.map { " (\($0))" } ?? "")"))
                } else {
                    resolve(key(of: DepotIncident(kind: .fault, at: now, connector: address, message: "")))
                }
                return
            }
            guard connectors[address] != nil else { return }
            let before = connectors[address]?.state
            connectors[address]?.state = state
            connectors[address]?.errorCode = errorCode == "NoError" ? nil : errorCode
            statusChanged(address, from: before, to: state, at: now)
            if state == .faulted, before != .faulted {
                note(
                    DepotIncident(
                        kind: .fault, at: now, tenant: connectors[address]?.session?.tenant, vehicle: connectors[address]?.session?.vehicle,
                        connector: address, message: "\(address) faulted\(errorCode.map { " (\($0))" } ?? "")"))
                planNeeded = true
            }
        case .transactionStarted(let address, let transaction, let idToken, let meterStart, let at):
            startSession(at: address, transaction: transaction, idToken: idToken, meterStart: meterStart, startedAt: at)
            if let session = connectors[address]?.session { sessionStarted(session, at: now) }
            // Its profile goes out on the next tick, not from here: the station learns its
            // transactionId only from the reply to this very message.
            if let session = connectors[address]?.session, session.vehicle != nil || session.tenant != nil {
                let started = ContinuousClock.now
                do {
                    try await store.attributeTransaction(station: address.charger, key: transaction, vehicle: session.vehicle, tenant: session.tenant)
                } catch {
                    logger.error("session \(session.id) not attributed: \(error)")
                }
                statistics.storage += ContinuousClock.now - started
            }
        case .transactionStopped(let charger, let transaction, let reason, _):
            guard let address = connectors.values.first(where: { $0.address.charger == charger && $0.session?.transaction == transaction })?.address
            else { return }
            if let session = connectors[address]?.session { sessionEnded(session, reason: reason, at: now) }
            if let vehicle = connectors[address]?.session?.vehicle {
                for (id, reservation) in reservations where reservation.vehicle == vehicle && reservation.status == .active {
                    reservations[id] = reservation.with(status: .fulfilled)
                }
            }
            connectors[address]?.session = nil
            connectors[address]?.limitInForce = nil
            connectors[address]?.limitSentAt = nil
            connectors[address]?.limitPending = nil
            tiers[address] = nil
            admitted[address] = nil
            planNeeded = true
        case .meterSamples(let address, let transaction, let samples):
            apply(samples, at: address, transaction: transaction)
        }
    }

    /// Updates power, energy and SoC of the session (or the site meter) from meter samples.
    private func apply(_ samples: [MeterSample], at address: ConnectorAddress, transaction: String?) {
        let latest = samples.max { $0.sampledAt < $1.sampledAt }?.sampledAt
        let current = samples.filter { $0.sampledAt == latest && $0.phase == nil }
        if let meter = depot.grid.meter, meter.charger == address.charger {
            if let power = current.first(where: { $0.measurand == meter.measurand }), let at = latest {
                siteMeter = (Self.kilowatts(power), at)
            }
            if address.connector == 0 { return }
        }
        guard var session = connectors[address]?.session, transaction == nil || transaction == session.transaction else { return }
        for sample in current {
            switch sample.measurand {
            case "Energy.Active.Import.Register": session.register = Self.kilowattHours(sample)
            case "Power.Active.Import": session.power = Self.kilowatts(sample)
            case "SoC": session.reportedSoC = Percent(sample.value)
            default: break
            }
        }
        session.sampledAt = latest ?? session.sampledAt
        connectors[address]?.session = session
    }

    static func kilowatts(_ sample: MeterSample) -> Kilowatts {
        Kilowatts(sample.unit == "W" ? sample.value / 1000 : sample.value)
    }

    static func kilowattHours(_ sample: MeterSample) -> KilowattHours {
        KilowattHours(sample.unit == "Wh" ? sample.value / 1000 : sample.value)
    }

    /// Applies a charger's answer to a command.
    func completed(_ command: ChargerCommand, result: ChargerCommandResult) {
        let now = clock.now()
        switch command {
        case .limit(let address, let transaction, let power):
            guard connectors[address]?.session?.transaction == transaction else { return }
            connectors[address]?.limitPending = nil
            switch result {
            case .accepted:
                connectors[address]?.rejections = 0
                if power > connectors[address]?.limitInForce ?? .zero { connectors[address]?.limitRaisedAt = now }
                connectors[address]?.limitInForce = power
                connectors[address]?.limitSentAt = now
            case .rejected(let status):
                // Once may be a race with the transaction ending at the charger: send again.
                connectors[address]?.rejections += 1
                connectors[address]?.limitInForce = nil
                connectors[address]?.limitSentAt = nil
                guard (connectors[address]?.rejections ?? 0) >= 2 else { return }
                // Twice: the charger refuses to be limited. Count it as drawing its maximum and
                // tell people, rather than assume the limit holds (docs/solver.md §5, docs/reliability.md).
                connectors[address]?.rejections = 0
                connectors[address]?.uncontrolledUntil = now.addingTimeInterval(settings.rejectedProfileRetry.secondsValue)
                let session = connectors[address]?.session
                note(
                    DepotIncident(
                        kind: .profileRejected, at: now, tenant: session?.tenant, vehicle: session?.vehicle, connector: address,
                        message:
                            "\(address) rejected a \(power) limit (\(status)); counted at its maximum for \(Int(settings.rejectedProfileRetry.secondsValue / 60)) min"
                    ))
            case .failed:
                // No answer: unknown whether it holds; sent again on the next tick.
                connectors[address]?.limitInForce = nil
                connectors[address]?.limitSentAt = nil
            }
        case .remoteStop(let address, let transaction):
            if !result.isAccepted {
                logger.warning("RemoteStop \(address) \(transaction): \(result)")
            }
        case .installDefaults(let charger, _, _):
            if !result.isAccepted { logger.warning("default profiles for \(charger): \(result)") }
        case .remoteStart:
            break
        }
    }

    /// The charger's fail-safe share (docs/ocpp.md §13.3), from the depot tree.
    func failSafeShare(of charger: ChargerID) -> Kilowatts {
        failSafeShares[charger] ?? .zero
    }

    /// What each connector may draw on the fail-safe default: a TxDefaultProfile at connector 0
    /// applies to every connector, so the charger's share is split among them.
    func failSafeShare(perConnectorOf charger: ChargerID) -> Kilowatts {
        failSafeShare(of: charger) / Double(max(1, depot.charger(charger)?.connectors.count ?? 1))
    }
}
