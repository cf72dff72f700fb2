import Foundation
import OCPP

/// The OCPP 1.6J face of the simulated station.
extension SimulatedStation {
    /// The 1.6 CALL for a queued message.
    func encode16(_ message: StationMessage, at time: Date) -> V16.StationCall {
        switch message {
        case .bootNotification:
            return .bootNotification(
                V16.BootNotificationRequest(chargePointVendor: setup.vendor, chargePointModel: setup.model, chargePointSerialNumber: setup.id)
            )
        case .heartbeat:
            return .heartbeat(V16.HeartbeatRequest())
        case .statusNotification(let connectorId, let status, let errorCode, let at):
            return .statusNotification(status16(connectorId, status, errorCode, at))
        case .chargingStateChanged(let connectorId, _, _, let meter, let status, _):
            return .statusNotification(status16(connectorId, status, nil, meter.timestamp))
        case .transactionStarted(let connectorId, _, _, let meter, let idToken, let reservationId, _, _):
            return .startTransaction(
                V16.StartTransactionRequest(
                    connectorId: connectorId, idTag: idToken, meterStart: Int(meter.energyWh), reservationId: reservationId,
                    timestamp: meter.timestamp
                )
            )
        case .meterValues(let connectorId, let localId, _, let meter, let triggered, _):
            return .meterValues(
                V16.MeterValuesRequest(
                    connectorId: connectorId, transactionId: assignedTransactionIds[localId] ?? -1,
                    meterValue: [V16.MeterValue(timestamp: meter.timestamp, sampledValue: samples16(meter, triggered: triggered))]
                )
            )
        case .transactionEnded(_, let localId, _, let meter, let idToken, let reason, _):
            let data = samples16(meter, triggered: false).map {
                V16.TransactionDataSampledValue(
                    value: $0.value, context: .transactionEnd, measurand: $0.measurand.flatMap { .init(rawValue: $0.rawValue) },
                    unit: $0.unit.flatMap { .init(rawValue: $0.rawValue) }
                )
            }
            return .stopTransaction(
                V16.StopTransactionRequest(
                    idTag: idToken, meterStop: Int(meter.energyWh), timestamp: meter.timestamp,
                    transactionId: assignedTransactionIds[localId] ?? -1, reason: reason16(reason),
                    transactionData: [V16.TransactionData(timestamp: meter.timestamp, sampledValue: data)]
                )
            )
        }
    }

    /// Applies a 1.6 CALLRESULT.
    mutating func apply16(_ result: V16.StationCallResult, to message: StationMessage, at time: Date) {
        switch result {
        case .bootNotification(let response):
            applyBoot(accepted: response.status == .accepted, pending: response.status == .pending, interval: response.interval, at: time)
        case .startTransaction(let response):
            guard case .transactionStarted(let connectorId, let localId, _, _, _, _, _, _) = message else { return }
            assignedTransactionIds[localId] = response.transactionId
            let index = connectorId - 1
            guard connectors[index].transaction?.localId == localId else { return }
            connectors[index].transaction?.transactionId = String(response.transactionId)
            if response.idTagInfo.status != .accepted { endTransaction(connectorId, reason: .deAuthorized, at: time) }
        case .stopTransaction:
            guard case .transactionEnded(_, let localId, _, _, _, _, _) = message else { return }
            assignedTransactionIds[localId] = nil
        default:
            break
        }
    }

    /// Handles a 1.6 CALL from the CSMS.
    mutating func handle16(_ call: V16.CSMSCall, at time: Date) -> V16.CSMSCallResult {
        switch call {
        case .remoteStartTransaction(let request):
            let id =
                request.connectorId ?? (connectors.firstIndex { $0.transaction == nil && $0.operative && $0.status != .faulted }.map { $0 + 1 } ?? 0)
            guard connector(id) != nil, remoteStart(connector: id, idToken: request.idTag, remoteStartId: nil, at: time) else {
                return .remoteStartTransaction(.init(status: .rejected))
            }
            if let profile = request.chargingProfile.flatMap({ Self.profile16($0, connectorId: id, at: time) }) { _ = install(profile) }
            return .remoteStartTransaction(.init(status: .accepted))
        case .remoteStopTransaction(let request):
            guard let id = connectorId(ofTransaction: String(request.transactionId)) else { return .remoteStopTransaction(.init(status: .rejected)) }
            endTransaction(id, reason: .remote, at: time)
            return .remoteStopTransaction(.init(status: .accepted))
        case .setChargingProfile(let request):
            guard let profile = Self.profile16(request.csChargingProfiles, connectorId: request.connectorId, at: time),
                allowsUnit(amperes: profile.unit == .amperes), install(profile)
            else { return .setChargingProfile(.init(status: .rejected)) }
            return .setChargingProfile(.init(status: .accepted))
        case .clearChargingProfile(let request):
            let cleared = clearProfiles(
                id: request.id, connectorId: request.connectorId, purpose: request.chargingProfilePurpose.map { Self.purpose16($0.rawValue) },
                stackLevel: request.stackLevel
            )
            return .clearChargingProfile(.init(status: cleared ? .accepted : .unknown))
        case .getCompositeSchedule(let request):
            guard request.connectorId == 0 || connector(request.connectorId) != nil else {
                return .getCompositeSchedule(.init(status: .rejected))
            }
            let amperes = request.chargingRateUnit == .a
            let periods = composite(connector: request.connectorId, seconds: request.duration, at: time).map {
                V16.ChargingSchedulePeriod(startPeriod: $0.offset, limit: rate($0.kilowatts, inAmperes: amperes), numberPhases: amperes ? 3 : nil)
            }
            let schedule = V16.ChargingSchedule(
                duration: request.duration, startSchedule: time, chargingRateUnit: amperes ? .a : .w, chargingSchedulePeriod: periods
            )
            return .getCompositeSchedule(.init(status: .accepted, connectorId: request.connectorId, scheduleStart: time, chargingSchedule: schedule))
        case .reserveNow(let request):
            let refusal = reserve(
                connector: request.connectorId,
                reservation: SimulatedReservation(id: request.reservationId, idToken: request.idTag, expiry: request.expiryDate), at: time
            )
            let status: V16.ReserveNowResponse.Status =
                switch refusal {
                case nil: .accepted
                case .faulted: .faulted
                case .unavailable: .unavailable
                case .reserved: .rejected
                default: .occupied
                }
            return .reserveNow(.init(status: status))
        case .cancelReservation(let request):
            return .cancelReservation(.init(status: cancelReservation(id: request.reservationId, at: time) ? .accepted : .rejected))
        case .changeAvailability(let request):
            let outcome = changeAvailability(connector: request.connectorId, operative: request.type == .operative, at: time)
            return .changeAvailability(.init(status: !outcome.accepted ? .rejected : outcome.scheduled ? .scheduled : .accepted))
        case .triggerMessage(let request):
            return .triggerMessage(.init(status: trigger16(request, at: time)))
        case .reset:
            reboot(at: time)
            return .reset(.init(status: .accepted))
        case .unlockConnector(let request):
            guard connector(request.connectorId) != nil else { return .unlockConnector(.init(status: .notSupported)) }
            if connectors[request.connectorId - 1].transaction != nil { endTransaction(request.connectorId, reason: .unlockCommand, at: time) }
            unplug(connector: request.connectorId, at: time)
            return .unlockConnector(.init(status: .unlocked))
        case .getConfiguration(let request):
            let keys = request.key ?? configuration.entries.keys.sorted()
            let known = keys.compactMap { key in
                configuration.entries[key].map { V16.ConfigurationKey(key: key, readonly: $0.readonly, value: $0.value) }
            }
            let unknown = keys.filter { configuration.entries[$0] == nil }
            return .getConfiguration(.init(configurationKey: known, unknownKey: unknown.isEmpty ? nil : unknown))
        case .changeConfiguration(let request):
            let status: V16.ChangeConfigurationResponse.Status =
                switch configuration.change(request.key, to: request.value) {
                case .accepted: .accepted
                case .rejected: .rejected
                case .unknownKey: .notSupported
                }
            if status == .accepted, request.key == "HeartbeatInterval", let seconds = Int(request.value), seconds > 0 {
                heartbeatInterval = TimeInterval(seconds)
            }
            return .changeConfiguration(.init(status: status))
        case .dataTransfer:
            return .dataTransfer(.init(status: .unknownVendorId))
        case .clearCache:
            return .clearCache(.init(status: .accepted))
        }
    }

    /// TriggerMessage: queues the requested message.
    mutating func trigger16(_ request: V16.TriggerMessageRequest, at time: Date) -> V16.TriggerMessageResponse.Status {
        if let id = request.connectorId, id != 0, connector(id) == nil { return .rejected }
        let ids = request.connectorId.map { $0 == 0 ? Array(1...setup.connectorCount) : [$0] } ?? Array(1...setup.connectorCount)
        switch request.requestedMessage {
        case .bootNotification: queue.insert(.bootNotification, at: 0)
        case .heartbeat: enqueue(.heartbeat)
        case .statusNotification: for id in ids { enqueueStatus(id, at: time) }
        case .meterValues: for id in ids { enqueueSample(id, at: time, triggered: true) }
        case .diagnosticsStatusNotification, .firmwareStatusNotification: return .notImplemented
        }
        return .accepted
    }

    /// Whether the station's ChargingScheduleAllowedChargingRateUnit admits the unit.
    func allowsUnit(amperes: Bool) -> Bool {
        (configuration["ChargingScheduleAllowedChargingRateUnit"] ?? "").contains(amperes ? "Current" : "Power")
    }

    /// A 1.6 StatusNotification.
    func status16(_ connectorId: Int, _ status: ConnectorStatus, _ errorCode: String?, _ time: Date) -> V16.StatusNotificationRequest {
        V16.StatusNotificationRequest(
            connectorId: connectorId,
            errorCode: errorCode.flatMap { V16.StatusNotificationRequest.ErrorCode(rawValue: $0) } ?? (errorCode == nil ? .noError : .otherError),
            status: V16.StatusNotificationRequest.Status(rawValue: status.rawValue) ?? .available, timestamp: time
        )
    }

    /// The four measurands Busbar asks for (docs/ocpp.md §12.1).
    func samples16(_ meter: MeterSnapshot, triggered: Bool) -> [V16.SampledValue] {
        let context: V16.SampledValue.Context = triggered ? .trigger : .samplePeriodic
        var values = [
            V16.SampledValue(value: Self.decimal(meter.energyWh), context: context, measurand: .energyActiveImportRegister, unit: .wh),
            V16.SampledValue(value: Self.decimal(meter.powerW), context: context, measurand: .powerActiveImport, unit: .w),
            V16.SampledValue(value: Self.decimal(meter.currentA), context: context, measurand: .currentImport, unit: .a),
        ]
        if let soc = meter.stateOfCharge {
            values.append(V16.SampledValue(value: Self.decimal(soc), context: context, measurand: .soc, location: .ev, unit: .percent))
        }
        return values
    }

    /// The 1.6 stop reason.
    func reason16(_ reason: StopReason) -> V16.StopTransactionRequest.Reason {
        switch reason {
        case .local: .local
        case .remote: .remote
        case .evDisconnected: .evDisconnected
        case .deAuthorized: .deAuthorized
        case .emergencyStop: .emergencyStop
        case .reset: .softReset
        case .unlockCommand: .unlockCommand
        }
    }

    /// A 1.6 profile as the station keeps it; nil for a profile a station must refuse.
    static func profile16(_ profile: V16.ChargingProfile, connectorId: Int, at time: Date) -> SimulatedProfile? {
        let schedule = profile.chargingSchedule
        let kind: SimulatedProfile.Kind
        switch profile.chargingProfileKind {
        case .absolute: kind = .absolute
        case .relative: kind = .relative
        case .recurring: kind = .recurring(seconds: profile.recurrencyKind == .weekly ? 7 * 86_400 : 86_400)
        }
        if case .recurring = kind, schedule.startSchedule == nil { return nil }
        return SimulatedProfile(
            id: profile.chargingProfileId, purpose: purpose16(profile.chargingProfilePurpose.rawValue), stackLevel: profile.stackLevel,
            connectorId: connectorId, transactionId: profile.transactionId.map(String.init), validFrom: profile.validFrom,
            validTo: profile.validTo, kind: kind, startSchedule: schedule.startSchedule ?? (kind == .absolute ? time : nil),
            duration: schedule.duration, unit: schedule.chargingRateUnit == .a ? .amperes : .watts,
            periods: schedule.chargingSchedulePeriod.map { .init(startPeriod: $0.startPeriod, limit: $0.limit, numberPhases: $0.numberPhases) }
        )
    }

    /// The purpose behind a 1.6 or 2.0.1 purpose name.
    static func purpose16(_ name: String) -> SimulatedProfile.Purpose {
        switch name {
        case "TxProfile": .tx
        case "TxDefaultProfile": .txDefault
        default: .stationMax
        }
    }

    /// A number as 1.6 decimal text, without a trailing ".0".
    static func decimal(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
