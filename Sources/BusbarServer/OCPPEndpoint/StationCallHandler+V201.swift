import DepotModel
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
            return .statusNotification(.init())
        case .authorize(let request):
            return .authorize(.init(idTokenInfo: idTokenInfo(request.idToken)))
        case .transactionEvent(let request):
            try await recordTransactionEvent(request, frame: frame, at: now)
            return .transactionEvent(.init(idTokenInfo: request.idToken.map(idTokenInfo)))
        case .meterValues(let request):
            let samples = request.meterValue.flatMap { meterSamples(of: $0, connector: request.evseId) }
            try await store.recordMeterSamples(depot: depot.id, station: station, transactionKey: nil, samples: samples, receivedAt: now)
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
    private func recordTransactionEvent(_ request: V201.TransactionEventRequest, frame: String, at now: Date) async throws {
        let key = request.transactionInfo.transactionId
        let connector = request.evse?.id ?? 0
        let samples = (request.meterValue ?? []).flatMap { meterSamples(of: $0, connector: connector) }
        switch request.eventType {
        case .started:
            _ = try await store.recordTransactionStart(
                depot: depot.id, station: station, key: .chosenByStation(key), connector: connector, idToken: request.idToken?.idToken ?? "",
                startedAt: request.timestamp, meterStart: energyRegister(in: samples) ?? .zero, receivedAt: now,
                suspicion: suspicion(of: request.timestamp, receivedAt: now))
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
        }
        try await store.recordTransactionEventSequence(
            station: station, transactionKey: key, seqNo: request.seqNo, eventType: request.eventType.rawValue, samples: samples, receivedAt: now)
    }

    private func idTokenInfo(_ token: V201.IdToken) -> V201.IdTokenInfo {
        let value = token.type == .macAddress && !token.idToken.uppercased().hasPrefix("MAC:") ? "MAC:" + token.idToken : token.idToken
        return V201.IdTokenInfo(status: tokens.accepts(value) ? .accepted : .invalid)
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
