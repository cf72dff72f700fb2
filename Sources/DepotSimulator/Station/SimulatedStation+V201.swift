import Foundation
import OCPP

/// The OCPP 2.0.1 face of the simulated station: one connector per EVSE.
extension SimulatedStation {
    /// The 2.0.1 CALL for a queued message.
    func encode201(_ message: StationMessage, at time: Date) -> V201.StationCall {
        switch message {
        case .bootNotification:
            return .bootNotification(
                V201.BootNotificationRequest(
                    chargingStation: V201.ChargingStation(serialNumber: setup.id, model: setup.model, vendorName: setup.vendor), reason: .powerUp
                )
            )
        case .heartbeat:
            return .heartbeat(V201.HeartbeatRequest())
        case .statusNotification(let connectorId, let status, _, let at):
            return .statusNotification(
                V201.StatusNotificationRequest(
                    timestamp: at, connectorStatus: V201.ConnectorStatusEnum(rawValue: Self.connectorStatus201(status)) ?? .available,
                    evseId: connectorId, connectorId: 1
                )
            )
        case .transactionStarted(let connectorId, let localId, let seqNo, let meter, let idToken, let reservationId, let remoteStartId, let offline):
            return .transactionEvent(
                V201.TransactionEventRequest(
                    eventType: .started, meterValue: [meterValue201(meter, context: .transactionBegin)], timestamp: meter.timestamp,
                    triggerReason: remoteStartId == nil ? .authorized : .remoteStart, seqNo: seqNo, offline: offline ? true : nil,
                    reservationId: reservationId,
                    transactionInfo: V201.Transaction(
                        transactionId: chosenTransactionIds[localId] ?? "", chargingState: .charging, remoteStartId: remoteStartId),
                    evse: V201.EVSE(id: connectorId, connectorId: 1), idToken: V201.IdToken(idToken: idToken, type: .iso14443)
                )
            )
        case .meterValues(let connectorId, let localId, let seqNo, let meter, let triggered, let offline):
            return .transactionEvent(
                V201.TransactionEventRequest(
                    eventType: .updated, meterValue: [meterValue201(meter, context: triggered ? .trigger : .samplePeriodic)],
                    timestamp: meter.timestamp,
                    triggerReason: triggered ? .trigger : .meterValuePeriodic, seqNo: seqNo, offline: offline ? true : nil,
                    transactionInfo: V201.Transaction(transactionId: chosenTransactionIds[localId] ?? ""),
                    evse: V201.EVSE(id: connectorId, connectorId: 1)
                )
            )
        case .chargingStateChanged(let connectorId, let localId, let seqNo, let meter, let status, let offline):
            return .transactionEvent(
                V201.TransactionEventRequest(
                    eventType: .updated, timestamp: meter.timestamp, triggerReason: .chargingStateChanged, seqNo: seqNo,
                    offline: offline ? true : nil,
                    transactionInfo: V201.Transaction(
                        transactionId: chosenTransactionIds[localId] ?? "",
                        chargingState: V201.ChargingStateEnum(rawValue: Self.chargingState201(status))
                    ),
                    evse: V201.EVSE(id: connectorId, connectorId: 1)
                )
            )
        case .transactionEnded(let connectorId, let localId, let seqNo, let meter, let idToken, let reason, let offline):
            let (trigger, stopped) = reason201(reason)
            return .transactionEvent(
                V201.TransactionEventRequest(
                    eventType: .ended, meterValue: [meterValue201(meter, context: .transactionEnd)], timestamp: meter.timestamp,
                    triggerReason: trigger,
                    seqNo: seqNo, offline: offline ? true : nil,
                    transactionInfo: V201.Transaction(transactionId: chosenTransactionIds[localId] ?? "", stoppedReason: stopped),
                    evse: V201.EVSE(id: connectorId, connectorId: 1),
                    idToken: reason == .local ? V201.IdToken(idToken: idToken, type: .iso14443) : nil
                )
            )
        }
    }

    /// Applies a 2.0.1 CALLRESULT.
    mutating func apply201(_ result: V201.StationCallResult, to message: StationMessage, at time: Date) {
        switch result {
        case .bootNotification(let response):
            applyBoot(accepted: response.status == .accepted, pending: response.status == .pending, interval: response.interval, at: time)
        case .transactionEvent(let response):
            switch message {
            case .transactionStarted(let connectorId, let localId, _, _, _, _, _, _):
                guard let status = response.idTokenInfo?.status, status != .accepted,
                    connectors[connectorId - 1].transaction?.localId == localId
                else { return }
                endTransaction(connectorId, reason: .deAuthorized, at: time)
            case .transactionEnded(_, let localId, _, _, _, _, _):
                chosenTransactionIds[localId] = nil
            default:
                break
            }
        default:
            break
        }
    }

    /// Handles a 2.0.1 CALL from the CSMS.
    mutating func handle201(_ call: V201.CSMSCall, at time: Date) throws(OCPPError) -> V201.CSMSCallResult {
        switch call {
        case .requestStartTransaction(let request):
            let id = request.evseId ?? (connectors.firstIndex { $0.transaction == nil && $0.operative && $0.status != .faulted }.map { $0 + 1 } ?? 0)
            guard connector(id) != nil, remoteStart(connector: id, idToken: request.idToken.idToken, remoteStartId: request.remoteStartId, at: time)
            else {
                return .requestStartTransaction(.init(status: .rejected))
            }
            if let profile = request.chargingProfile.flatMap({ Self.profile201($0, evseId: id, at: time) }) { _ = install(profile) }
            return .requestStartTransaction(.init(status: .accepted, transactionId: connectors[id - 1].transaction?.transactionId))
        case .requestStopTransaction(let request):
            guard let id = connectorId(ofTransaction: request.transactionId) else { return .requestStopTransaction(.init(status: .rejected)) }
            endTransaction(id, reason: .remote, at: time)
            return .requestStopTransaction(.init(status: .accepted))
        case .setChargingProfile(let request):
            guard let profile = Self.profile201(request.chargingProfile, evseId: request.evseId, at: time),
                allowsUnit(amperes: profile.unit == .amperes), install(profile)
            else { return .setChargingProfile(.init(status: .rejected)) }
            return .setChargingProfile(.init(status: .accepted))
        case .clearChargingProfile(let request):
            let criteria = request.chargingProfileCriteria
            let cleared = clearProfiles(
                id: request.chargingProfileId, connectorId: criteria?.evseId,
                purpose: criteria?.chargingProfilePurpose.map { Self.purpose16($0.rawValue) }, stackLevel: criteria?.stackLevel
            )
            return .clearChargingProfile(.init(status: cleared ? .accepted : .unknown))
        case .getCompositeSchedule(let request):
            guard request.evseId == 0 || connector(request.evseId) != nil else { return .getCompositeSchedule(.init(status: .rejected)) }
            let amperes = request.chargingRateUnit == .a
            let periods = composite(connector: request.evseId, seconds: request.duration, at: time).map {
                V201.ChargingSchedulePeriod(startPeriod: $0.offset, limit: rate($0.kilowatts, inAmperes: amperes), numberPhases: amperes ? 3 : nil)
            }
            let schedule = V201.CompositeSchedule(
                chargingSchedulePeriod: periods, evseId: request.evseId, duration: request.duration, scheduleStart: time,
                chargingRateUnit: amperes ? .a : .w
            )
            return .getCompositeSchedule(.init(status: .accepted, schedule: schedule))
        case .reserveNow(let request):
            let id = request.evseId ?? (connectors.firstIndex { $0.status == .available }.map { $0 + 1 } ?? 0)
            let refusal = reserve(
                connector: id, reservation: SimulatedReservation(id: request.id, idToken: request.idToken.idToken, expiry: request.expiryDateTime),
                at: time
            )
            let status: V201.ReserveNowStatusEnum =
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
            let outcome = changeAvailability(connector: request.evse?.id ?? 0, operative: request.operationalStatus == .operative, at: time)
            return .changeAvailability(.init(status: !outcome.accepted ? .rejected : outcome.scheduled ? .scheduled : .accepted))
        case .triggerMessage(let request):
            return .triggerMessage(.init(status: trigger201(request, at: time)))
        case .reset:
            reboot(at: time)
            return .reset(.init(status: .accepted))
        case .unlockConnector(let request):
            guard connector(request.evseId) != nil, request.connectorId == 1 else { return .unlockConnector(.init(status: .unknownConnector)) }
            if connectors[request.evseId - 1].transaction != nil { return .unlockConnector(.init(status: .ongoingAuthorizedTransaction)) }
            unplug(connector: request.evseId, at: time)
            return .unlockConnector(.init(status: .unlocked))
        case .getVariables(let request):
            let results = request.getVariableData.map { data in
                let status: V201.GetVariableStatusEnum
                var value: String?
                if let key = ConfigurationStore.key(component: data.component.name, variable: data.variable.name) {
                    value = configuration[key]
                    status = .accepted
                } else {
                    status = ConfigurationStore.knowsComponent(data.component.name) ? .unknownVariable : .unknownComponent
                }
                return V201.GetVariableResult(
                    attributeStatus: status, attributeType: data.attributeType, attributeValue: value, component: data.component,
                    variable: data.variable
                )
            }
            return .getVariables(.init(getVariableResult: results))
        case .setVariables(let request):
            var results: [V201.SetVariableResult] = []
            for data in request.setVariableData {
                let status: V201.SetVariableStatusEnum
                if let key = ConfigurationStore.key(component: data.component.name, variable: data.variable.name) {
                    status =
                        switch configuration.change(key, to: data.attributeValue) {
                        case .accepted: .accepted
                        case .rejected, .unknownKey: .rejected
                        }
                    if status == .accepted, key == "HeartbeatInterval", let seconds = Int(data.attributeValue), seconds > 0 {
                        heartbeatInterval = TimeInterval(seconds)
                    }
                } else {
                    status = ConfigurationStore.knowsComponent(data.component.name) ? .unknownVariable : .unknownComponent
                }
                results.append(.init(attributeType: data.attributeType, attributeStatus: status, component: data.component, variable: data.variable))
            }
            return .setVariables(.init(setVariableResult: results))
        case .getTransactionStatus(let request):
            let pending = queue.contains { message in
                guard message.isTransactionMessage else { return false }
                guard let transactionId = request.transactionId else { return true }
                return chosenTransactionIds.contains { $0.value == transactionId }
            }
            let ongoing = request.transactionId.map { connectorId(ofTransaction: $0) != nil }
            return .getTransactionStatus(.init(ongoingIndicator: ongoing, messagesInQueue: pending))
        case .dataTransfer:
            return .dataTransfer(.init(status: .unknownVendorId))
        case .clearCache:
            return .clearCache(.init(status: .accepted))
        case .getBaseReport, .getReport, .getChargingProfiles:
            throw OCPPError(.unsupportedAction, "\(call.action) is not simulated")
        }
    }

    /// TriggerMessage: queues the requested message.
    mutating func trigger201(_ request: V201.TriggerMessageRequest, at time: Date) -> V201.TriggerMessageStatusEnum {
        if let id = request.evse?.id, id != 0, connector(id) == nil { return .rejected }
        let ids = request.evse.map { $0.id == 0 ? Array(1...setup.connectorCount) : [$0.id] } ?? Array(1...setup.connectorCount)
        switch request.requestedMessage {
        case .bootNotification: queue.insert(.bootNotification, at: 0)
        case .heartbeat: enqueue(.heartbeat)
        case .statusNotification: for id in ids { enqueueStatus(id, at: time) }
        case .meterValues, .transactionEvent: for id in ids { enqueueSample(id, at: time, triggered: true) }
        default: return .notImplemented
        }
        return .accepted
    }

    /// One 2.0.1 meter value with the four measurands.
    func meterValue201(_ meter: MeterSnapshot, context: V201.ReadingContextEnum) -> V201.MeterValue {
        var values = [
            V201.SampledValue(value: meter.energyWh, context: context, measurand: .energyActiveImportRegister, unitOfMeasure: .init(unit: "Wh")),
            V201.SampledValue(value: meter.powerW, context: context, measurand: .powerActiveImport, unitOfMeasure: .init(unit: "W")),
            V201.SampledValue(value: meter.currentA, context: context, measurand: .currentImport, unitOfMeasure: .init(unit: "A")),
        ]
        if let soc = meter.stateOfCharge {
            values.append(V201.SampledValue(value: soc, context: context, measurand: .soc, location: .ev, unitOfMeasure: .init(unit: "Percent")))
        }
        return V201.MeterValue(sampledValue: values, timestamp: meter.timestamp)
    }

    /// The 2.0.1 trigger and stopped reason of an ended transaction.
    func reason201(_ reason: StopReason) -> (V201.TriggerReasonEnum, V201.ReasonEnum) {
        switch reason {
        case .local: (.stopAuthorized, .local)
        case .remote: (.remoteStop, .remote)
        case .evDisconnected: (.evCommunicationLost, .evDisconnected)
        case .deAuthorized: (.deauthorized, .deAuthorized)
        case .emergencyStop: (.abnormalCondition, .emergencyStop)
        case .reset: (.resetCommand, .immediateReset)
        case .unlockCommand: (.unlockCommand, .other)
        }
    }

    /// A 2.0.1 profile as the station keeps it (its first schedule); nil for one a station must
    /// refuse (external constraints, recurring without a start).
    static func profile201(_ profile: V201.ChargingProfile, evseId: Int, at time: Date) -> SimulatedProfile? {
        guard profile.chargingProfilePurpose != .chargingStationExternalConstraints, let schedule = profile.chargingSchedule.first else { return nil }
        let kind: SimulatedProfile.Kind
        switch profile.chargingProfileKind {
        case .absolute: kind = .absolute
        case .relative: kind = .relative
        case .recurring: kind = .recurring(seconds: profile.recurrencyKind == .weekly ? 7 * 86_400 : 86_400)
        }
        if case .recurring = kind, schedule.startSchedule == nil { return nil }
        return SimulatedProfile(
            id: profile.id, purpose: purpose16(profile.chargingProfilePurpose.rawValue), stackLevel: profile.stackLevel, connectorId: evseId,
            transactionId: profile.transactionId, validFrom: profile.validFrom, validTo: profile.validTo, kind: kind,
            startSchedule: schedule.startSchedule ?? (kind == .absolute ? time : nil), duration: schedule.duration,
            unit: schedule.chargingRateUnit == .a ? .amperes : .watts,
            periods: schedule.chargingSchedulePeriod.map { .init(startPeriod: $0.startPeriod, limit: $0.limit, numberPhases: $0.numberPhases) }
        )
    }
}
