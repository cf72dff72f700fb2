import DepotModel
import DepotRuntime
import Foundation
import OCPP
import Storage

extension StationCallHandler {
    func handle(_ call: V201.StationCall, frame: String) async throws -> V201.StationCallResult {
        let now = clock.now()
        switch call {
        case .bootNotification(let request):
            let station = request.chargingStation
            let info = StationBootInfo(
                vendor: station.vendorName, model: station.model, serialNumber: station.serialNumber, firmwareVersion: station.firmwareVersion)
            let decision = await bootAdmission.decide(at: now)
            try await store.recordBoot(depot: depot.id, station: self.station, info: info, state: decision.state, at: now)
            if decision.state == .accepted { await controller.handle(.booted(self.station)) }
            return .bootNotification(
                .init(
                    currentTime: now, interval: decision.retryAfter ?? heartbeatInterval, status: decision.state == .accepted ? .accepted : .pending))
        case .heartbeat:
            return .heartbeat(.init(currentTime: now))
        case .statusNotification(let request):
            let report = ConnectorStatusReport(
                connector: request.evseId, state: ConnectorState(rawValue: request.connectorStatus.rawValue) ?? .unavailable,
                stationTime: request.timestamp, receivedAt: now)
            try await store.recordConnectorStatus(depot: depot.id, station: station, report: report)
            await controller.handle(.connectorStatus(address(request.evseId), report.state, errorCode: nil))
            return .statusNotification(.init())
        case .authorize(let request):
            return .authorize(.init(idTokenInfo: await idTokenInfo(request.idToken, at: nil)))
        case .transactionEvent(let request):
            // Where the session starts, the token is decided at its connector (reservations, areas).
            let connector = request.eventType == .started ? request.evse.map { address($0.id) } : nil
            var info: V201.IdTokenInfo?
            if let token = request.idToken { info = await idTokenInfo(token, at: connector) }
            try await recordTransactionEvent(request, frame: frame, accepted: info?.status != .invalid, at: now)
            return .transactionEvent(.init(idTokenInfo: info))
        case .meterValues(let request):
            let samples = request.meterValue.flatMap { meterSamples(of: $0, connector: request.evseId) }
            try await store.recordMeterSamples(depot: depot.id, station: station, transactionKey: nil, samples: samples, receivedAt: now)
            await controller.handle(.meterSamples(address(request.evseId), transaction: nil, samples))
            return .meterValues(.init())
        case .notifyEVChargingNeeds:
            return .notifyEVChargingNeeds(.init(status: .accepted))
        case .dataTransfer:
            return .dataTransfer(.init(status: .unknownVendorId))
        case .securityEventNotification:
            // The frame is already in the message log, committed before this reply.
            return .securityEventNotification(.init())
        case .notifyReport: return .notifyReport(.init())
        case .notifyEVChargingSchedule: return .notifyEVChargingSchedule(.init(status: .accepted))
        case .notifyChargingLimit: return .notifyChargingLimit(.init())
        case .clearedChargingLimit: return .clearedChargingLimit(.init())
        case .reportChargingProfiles: return .reportChargingProfiles(.init())
        case .reservationStatusUpdate: return .reservationStatusUpdate(.init())
        case .notifyEvent: return .notifyEvent(.init())
        case .logStatusNotification: return .logStatusNotification(.init())
        case .firmwareStatusNotification: return .firmwareStatusNotification(.init())
        }
    }

    /// Stores a TransactionEvent idempotently by (station, transactionId, seqNo): a replay changes
    /// nothing and gets the same answer; an event for a transaction never started is quarantined.
    /// - Parameter accepted: whether the token was accepted; a refused start is stored but not
    ///   taken up by the runtime (the station ends it).
    private func recordTransactionEvent(_ request: V201.TransactionEventRequest, frame: String, accepted: Bool, at now: Date) async throws {
        let key = request.transactionInfo.transactionId
        let connector = request.evse?.id ?? 0
        let samples = (request.meterValue ?? []).flatMap { meterSamples(of: $0, connector: connector) }
        switch request.eventType {
        case .started:
            let meterStart = energyRegister(in: samples) ?? .zero
            _ = try await store.recordTransactionStart(
                depot: depot.id, station: station, key: .chosenByStation(key), connector: connector, idToken: request.idToken?.idToken ?? "",
                startedAt: request.timestamp, meterStart: meterStart, receivedAt: now,
                suspicion: suspicion(of: request.timestamp, receivedAt: now))
            if accepted {
                await controller.handle(
                    .transactionStarted(
                        address(connector), transaction: key, idToken: request.idToken.map(Self.tokenValue) ?? "", meterStart: meterStart,
                        at: request.timestamp))
            }
        case .updated:
            guard try await store.transaction(station: station, key: key) != nil else {
                try await store.quarantine(station: station, action: "TransactionEvent", frame: frame, reason: "unknown transaction \(key)", at: now)
                return
            }
        case .ended:
            let outcome = try await store.recordTransactionStop(
                station: station, transactionKey: key, stoppedAt: request.timestamp, meterStop: energyRegister(in: samples),
                reason: request.transactionInfo.stoppedReason?.rawValue ?? "Local", receivedAt: now, frame: frame)
            if outcome == .quarantined { return }
            await controller.handle(
                .transactionStopped(
                    station, transaction: key, reason: request.transactionInfo.stoppedReason?.rawValue ?? "Local", at: request.timestamp))
        }
        // 2.0.1 connectors report only Occupied; whether energy flows is the transaction's
        // chargingState (docs/ocpp.md), which the runtime, the map and VDV 463 read as the connector state.
        if request.eventType != .ended, connector != 0, let state = request.transactionInfo.chargingState.flatMap(Self.connectorState) {
            await controller.handle(.connectorStatus(address(connector), state, errorCode: nil))
        }
        if !samples.isEmpty { await controller.handle(.meterSamples(address(connector), transaction: key, samples)) }
        try await store.recordTransactionEventSequence(
            station: station, transactionKey: key, seqNo: request.seqNo, eventType: request.eventType.rawValue, samples: samples, receivedAt: now)
    }

    /// The 1.6-style connector state of a 2.0.1 charging state; `Idle` says nothing new.
    static func connectorState(_ state: V201.ChargingStateEnum) -> ConnectorState? {
        switch state {
        case .charging: .charging
        case .evConnected: .preparing
        case .suspendedEV: .suspendedEV
        case .suspendedEVSE: .suspendedEVSE
        case .idle: nil
        }
    }

    /// The runtime's decision on a token, at `connector` when the station says where.
    private func idTokenInfo(_ token: V201.IdToken, at connector: ConnectorAddress?) async -> V201.IdTokenInfo {
        let access = await controller.authorize(token: Self.tokenValue(token), at: connector)
        return V201.IdTokenInfo(status: access.accepted ? .accepted : .invalid)
    }

    /// A token as vehicles list it: autocharge MAC addresses carry the `MAC:` prefix.
    private static func tokenValue(_ token: V201.IdToken) -> String {
        token.type == .macAddress && !token.idToken.uppercased().hasPrefix("MAC:") ? "MAC:" + token.idToken : token.idToken
    }

    /// The samples of a 2.0.1 meter value in Busbar's units: `value × 10^multiplier`, Wh → kWh, W → kW.
    private func meterSamples(of meterValue: V201.MeterValue, connector: Int) -> [MeterSample] {
        meterValue.sampledValue.map { sampled in
            let unit = sampled.unitOfMeasure?.unit ?? "Wh"
            var value = sampled.value * pow(10, Double(sampled.unitOfMeasure?.multiplier ?? 0))
            var normalised = unit
            switch unit {
            case "Wh", "W", "varh", "var", "VA":
                value /= 1000
                normalised = "k" + unit
            case "Percent": normalised = "%"
            default: break
            }
            return MeterSample(
                connector: connector, sampledAt: meterValue.timestamp, measurand: sampled.measurand?.rawValue ?? "Energy.Active.Import.Register",
                value: value, unit: normalised, phase: sampled.phase?.rawValue, context: sampled.context?.rawValue,
                location: sampled.location?.rawValue)
        }
    }

    private func energyRegister(in samples: [MeterSample]) -> KilowattHours? {
        samples.last { $0.measurand == "Energy.Active.Import.Register" && $0.phase == nil && $0.unit == "kWh" }.map { KilowattHours($0.value) }
    }
}
