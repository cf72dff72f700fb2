import DepotModel
import DepotRuntime
import Foundation
import OCPP
import Storage

extension StationCallHandler {
    func handle(_ call: V16.StationCall, frame: String) async throws -> V16.StationCallResult {
        let now = clock.now()
        switch call {
        case .bootNotification(let request):
            let info = StationBootInfo(
                vendor: request.chargePointVendor, model: request.chargePointModel,
                serialNumber: request.chargeBoxSerialNumber ?? request.chargePointSerialNumber, firmwareVersion: request.firmwareVersion)
            let decision = await bootAdmission.decide(at: now)
            try await store.recordBoot(depot: depot.id, station: station, info: info, state: decision.state, at: now)
            if decision.state == .accepted { await controller.handle(.booted(station)) }
            let status: V16.BootNotificationResponse.Status = decision.state == .accepted ? .accepted : .pending
            return .bootNotification(.init(status: status, currentTime: now, interval: decision.retryAfter ?? heartbeatInterval))
        case .heartbeat:
            return .heartbeat(.init(currentTime: now))
        case .statusNotification(let request):
            let report = ConnectorStatusReport(
                connector: request.connectorId, state: ConnectorState(rawValue: request.status.rawValue) ?? .unavailable,
                errorCode: request.errorCode.rawValue, info: request.info, vendorErrorCode: request.vendorErrorCode, stationTime: request.timestamp,
                receivedAt: now)
            try await store.recordConnectorStatus(depot: depot.id, station: station, report: report)
            await controller.handle(.connectorStatus(address(request.connectorId), report.state, errorCode: request.errorCode.rawValue))
            return .statusNotification(.init())
        case .authorize(let request):
            let access = await controller.authorize(token: request.idTag, at: nil)
            return .authorize(.init(idTagInfo: V16.IdTagInfo(status: access.accepted ? .accepted : .invalid)))
        case .startTransaction(let request):
            let access = await controller.authorize(token: request.idTag, at: address(request.connectorId))
            let outcome = try await store.recordTransactionStart(
                depot: depot.id, station: station, key: .assignedByBusbar(Self.randomTransactionID), connector: request.connectorId,
                idToken: request.idTag, startedAt: request.timestamp, meterStart: KilowattHours(wattHours: Double(request.meterStart)),
                receivedAt: now, suspicion: suspicion(of: request.timestamp, receivedAt: now))
            if access.accepted {
                await controller.handle(
                    .transactionStarted(
                        address(request.connectorId), transaction: outcome.transactionKey, idToken: request.idTag,
                        meterStart: KilowattHours(wattHours: Double(request.meterStart)), at: request.timestamp))
            }
            return .startTransaction(
                .init(idTagInfo: V16.IdTagInfo(status: access.accepted ? .accepted : .invalid), transactionId: Int(outcome.transactionKey) ?? 0))
        case .stopTransaction(let request):
            let key = String(request.transactionId)
            let connector = try await store.transaction(station: station, key: key)?.connector ?? 0
            let samples = (request.transactionData ?? []).flatMap { data in
                data.sampledValue.compactMap {
                    sample(
                        connector: connector, at: data.timestamp, measurand: $0.measurand?.rawValue, reading: $0.reading, phase: $0.phase?.rawValue,
                        context: $0.context?.rawValue, location: $0.location?.rawValue)
                }
            }
            let outcome = try await store.recordTransactionStop(
                station: station, transactionKey: key, stoppedAt: request.timestamp, meterStop: KilowattHours(wattHours: Double(request.meterStop)),
                reason: request.reason?.rawValue ?? "Local", receivedAt: now, frame: frame)
            if outcome != .quarantined, !samples.isEmpty {
                try await store.recordMeterSamples(depot: depot.id, station: station, transactionKey: key, samples: samples, receivedAt: now)
            }
            await controller.handle(
                .transactionStopped(station, transaction: key, reason: request.reason?.rawValue ?? "Local", at: request.timestamp))
            return .stopTransaction(.init(idTagInfo: request.idTag.map { _ in V16.IdTagInfo(status: .accepted) }))
        case .meterValues(let request):
            let samples = request.meterValue.flatMap { value in
                value.sampledValue.compactMap {
                    sample(
                        connector: request.connectorId, at: value.timestamp, measurand: $0.measurand?.rawValue, reading: $0.reading,
                        phase: $0.phase?.rawValue, context: $0.context?.rawValue, location: $0.location?.rawValue)
                }
            }
            try await store.recordMeterSamples(
                depot: depot.id, station: station, transactionKey: request.transactionId.map(String.init), samples: samples, receivedAt: now)
            await controller.handle(.meterSamples(address(request.connectorId), transaction: request.transactionId.map(String.init), samples))
            return .meterValues(.init())
        case .dataTransfer:
            return .dataTransfer(.init(status: .unknownVendorId))
        case .securityEventNotification:
            // The frame is already in the message log, committed before this reply.
            return .securityEventNotification(.init())
        case .diagnosticsStatusNotification:
            return .diagnosticsStatusNotification(.init())
        case .firmwareStatusNotification:
            return .firmwareStatusNotification(.init())
        case .logStatusNotification:
            return .logStatusNotification(.init())
        case .signedFirmwareStatusNotification:
            return .signedFirmwareStatusNotification(.init())
        }
    }

    /// A meter sample in Busbar's units; samples without a readable value (signed data, text that
    /// is not a decimal) are left out here and stay in the message log.
    func sample(
        connector: Int, at time: Date, measurand: String?, reading: MeterReading?, phase: String?, context: String?, location: String?
    )
        -> MeterSample?
    {
        guard let reading else { return nil }
        let unit = reading.unit == "Percent" ? "%" : reading.unit
        return MeterSample(
            connector: connector, sampledAt: time, measurand: measurand ?? "Energy.Active.Import.Register", value: reading.value, unit: unit,
            phase: phase, context: context, location: location)
    }
}
