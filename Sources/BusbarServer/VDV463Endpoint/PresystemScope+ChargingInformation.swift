import DepotModel
import DepotRuntime
import Foundation
import PowerSolver
import VDV

extension PresystemScope {
    /// The ProvideChargingInformation payload (docs/vdv.md A6): the depot → station → point → vehicle and
    /// process tree of the presystem's points, its accepted requests not yet plugged in as scheduled
    /// processes, and its refused requests.
    /// - Parameters:
    ///   - snapshot: the depot now, already limited to the tenant.
    ///   - predictions: the plan per vehicle, limited to the tenant.
    ///   - requests: the presystem's accepted requests.
    ///   - rejections: its refused requests.
    ///   - reported: what plugged-in vehicles reported over VDV 261 during their current plug-in.
    ///   - vdv261: the code tables and scale factors for those reports.
    func chargingInformation(
        snapshot: DepotSnapshot, predictions: [VehicleID: VehiclePlan], requests: [VDV463.ChargingRequest],
        rejections: [VDV463.RejectedChargingRequestInfo], reported: [VehicleID: VDV261.ParameterState], vdv261: VDV261.Settings
    ) -> VDV463.ProvideChargingInformationRequest {
        let stays = Dictionary(snapshot.stays.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pending = requests.compactMap { request in stays[entryID(request.chargingRequestId)].map { (request, $0) } }
        let plugged = Set(snapshot.connectors.compactMap(\.session?.vehicle))
        var scheduled: [ConnectorAddress?: [ScheduledStay]] = [:]
        for (request, stay) in pending where !plugged.contains(stay.vehicle) {
            let address = stay.bay.flatMap(depot.connector(servingBay:))
            scheduled[address, default: []].append(ScheduledStay(request: request, stay: stay))
        }
        var stations = chargers.map { charger in
            station(
                charger, snapshot: snapshot, predictions: predictions, pending: pending, scheduled: scheduled, reported: reported, vdv261: vdv261)
        }
        if let unplaced = scheduled[nil] {
            let point = VDV463.ChargingPointInfo(
                chargingPointId: "\(depot.id)/0/0", chargingPointStatus: .unavailable,
                scheduledChargingProcessList: unplaced.map { scheduledProcess($0, plan: predictions[$0.stay.vehicle]) })
            stations.append(VDV463.ChargingStationInfo(chargingStationId: "\(depot.id)/0", chargingPointInfoList: [point]))
        }
        return VDV463.ProvideChargingInformationRequest(
            depotInfoList: [VDV463.DepotInfo(depotId: depot.id.rawValue, name: depot.name, chargingStationInfoList: stations)],
            rejectedChargingRequestInfoList: rejections)
    }

    /// An accepted request whose vehicle is not plugged in yet.
    private struct ScheduledStay {
        let request: VDV463.ChargingRequest
        let stay: TimetableEntry
    }

    private func station(
        _ charger: Charger, snapshot: DepotSnapshot, predictions: [VehicleID: VehiclePlan],
        pending: [(VDV463.ChargingRequest, TimetableEntry)], scheduled: [ConnectorAddress?: [ScheduledStay]],
        reported: [VehicleID: VDV261.ParameterState], vdv261: VDV261.Settings
    ) -> VDV463.ChargingStationInfo {
        let online = snapshot.onlineChargers.contains(charger.id)
        let connectors = snapshot.connectors.filter { $0.charger == charger.id }
        let points = charger.connectors.map { connector in
            let address = ConnectorAddress(charger: charger.id, connector: connector.number)
            let live = connectors.first { $0.connector == connector.number }
            var point = VDV463.ChargingPointInfo(
                chargingPointId: pointID(address), chargingPointStatus: online ? live.map { pointStatus($0.state) } ?? .unavailable : .unavailable,
                presentPowerLimit: live?.session?.limitKw,
                scheduledChargingProcessList: scheduled[address].map { $0.map { scheduledProcess($0, plan: predictions[$0.stay.vehicle]) } })
            if online, let live, live.state == .faulted {
                point.chargingPointFaultInfo = VDV463.ChargingPointFaultInfo(
                    chargingPointFaultCode: .otherChargingPointFailure, faultText: live.errorCode, faultTimeStamp: snapshot.at)
            }
            if let live, let session = live.session {
                let request = pending.filter { $0.1.vehicle == session.vehicle }.min { $0.1.arrival < $1.1.arrival }
                point.vehicleInfo = session.vehicle.map {
                    vehicleInfo($0, session: session, state: live.state, reported: reported[$0], settings: vdv261)
                }
                point.chargingProcessInfo = VDV463.ChargingProcessInfo(
                    presystemId: request.map { _ in presystemID }, chargingRequestId: request?.0.chargingRequestId,
                    chargingProcessId: session.id.rawValue, processStatus: processStatus(live.state, limitKw: session.limitKw),
                    startTime: session.startedAt,
                    chargingPredictionData: prediction(session.vehicle.flatMap { predictions[$0] }, stay: request?.1),
                    electricData: VDV463.ElectricData(chargingPower: session.powerKw), deliveredEnergy: session.energyKwh * 1000)
            }
            return point
        }
        let power = connectors.compactMap(\.session?.powerKw).reduce(0, +)
        return VDV463.ChargingStationInfo(
            chargingStationId: stationID(charger.id), chargingPointInfoList: points,
            chargingStationFaultInfo: online
                ? nil
                : VDV463.ChargingStationFaultInfo(
                    chargingStationFaultCode: .communicationFailure, faultText: "station offline", faultTimeStamp: snapshot.at),
            totalPower: online ? power : nil)
    }

    /// The vehicle at a point: what it reported over VDV 261 (docs/vdv.md B5), with the state of charge
    /// from OCPP, the `preconditioning` policy's plan and, where no `chrg_stat` table says
    /// otherwise, the charging status from the connector.
    private func vehicleInfo(
        _ vehicle: VehicleID, session: SessionSnapshot, state: ConnectorState, reported: VDV261.ParameterState?, settings: VDV261.Settings
    ) -> VDV463.VehicleInfo {
        let fromConnector: VDV463.VehicleChargingStatus = state == .charging ? .charging : .readyToCharge
        let fromVehicle = reported?.vehicleInfo(settings: settings)
        let statusReported = fromVehicle.map { $0.vehicleChargingStatus != .unknown } ?? false
        var info =
            fromVehicle
            ?? VDV463.VehicleInfo(
                vehicleId: wireID(vehicle), vehicleStatusInfo: VDV463.VehicleStatusInfo(), vehicleChargingStatus: fromConnector,
                preconditioningInfo: VDV463.PreconditioningInfo())
        info.vehicleId = wireID(vehicle)
        if !statusReported { info.vehicleChargingStatus = fromConnector }
        if let plan = session.preconditioning { info.add(plan, charging: state == .charging, statusReported: statusReported) }
        if let soc = session.soc {
            var battery = info.tractionBatteryInfo ?? VDV463.TractionBatteryInfo()
            battery.stateOfCharge = Percent(soc).clampedToShare.value
            info.tractionBatteryInfo = battery
        }
        return info
    }

    private func scheduledProcess(_ scheduled: ScheduledStay, plan: VehiclePlan?) -> VDV463.ScheduledChargingProcess {
        VDV463.ScheduledChargingProcess(
            presystemId: presystemID, chargingRequestId: scheduled.request.chargingRequestId,
            chargingProcessId: scheduled.request.chargingProcessId, vehicleId: scheduled.request.vehicleId,
            startTime: plan?.progress.first?.time ?? scheduled.stay.arrival, chargingPredictionData: prediction(plan, stay: scheduled.stay))
    }

    /// The plan's forecast for a stay; a target the plan does not reach in the stay is omitted, and
    /// the departure object then shows the shortfall (docs/vdv.md A6). A plan made before the stay was
    /// stored (it starts after the stay's departure) says nothing about it and is left out until the
    /// next planning round.
    private func prediction(_ plan: VehiclePlan?, stay: TimetableEntry?) -> VDV463.ChargingPredictionData {
        var data = VDV463.ChargingPredictionData(chargingPredictionDataStatus: .ongoing)
        guard let plan else { return data }
        var progress = plan.progress
        if let stay {
            guard let start = progress.first?.time, start < stay.departure else { return data }
            progress = progress.filter { $0.time <= stay.departure }
            data.chargingPredictionDataMinTargetSoc = plan.minTargetTime.flatMap { $0 <= stay.departure ? $0 : nil }.map {
                VDV463.PredictedMinTargetSoc(requestedMinTargetSoc: stay.minTargetSoC.clampedToShare.value, predictedTime: $0)
            }
            data.chargingPredictionDataMaxTargetSoc = plan.maxTargetTime.flatMap { $0 <= stay.departure ? $0 : nil }.map {
                VDV463.PredictedMaxTargetSoc(requestedMaxTargetSoc: stay.maxTargetSoC.clampedToShare.value, predictedTime: $0)
            }
            data.chargingPredictionDataDepartureTime = VDV463.PredictedDepartureSoc(
                predictedDepartureTimeSoc: plan.departureStateOfCharge.clampedToShare.value, requestedTimeForDeparture: stay.departure)
        }
        data.chargingProgressPredictionList = progress.prefix(24).map {
            VDV463.ChargingProgressPrediction(predictedSoc: $0.stateOfCharge.clampedToShare.value, predictedTime: $0.time)
        }
        return data
    }

    /// `chargingPointStatus` from the connector state (docs/vdv.md A6 status table).
    private func pointStatus(_ state: ConnectorState) -> VDV463.ChargingPointStatus {
        switch state {
        case .available: .available
        case .preparing, .charging, .suspendedEV, .suspendedEVSE, .finishing, .occupied: .occupied
        case .reserved: .reserved
        case .unavailable: .unavailable
        case .faulted: .faulted
        }
    }

    /// `processStatus` of a running session from the connector state (docs/vdv.md A6 status table):
    /// suspended by the charger under a zero limit from Busbar means the plan holds it before its slot.
    private func processStatus(_ state: ConnectorState, limitKw: Double?) -> VDV463.ProcessStatus {
        switch state {
        case .preparing, .occupied, .available: .preparing
        case .charging: .charging
        case .suspendedEV: .suspendedEV
        case .suspendedEVSE: limitKw == 0 ? .queued : .suspendedEVSE
        case .finishing: .finishing
        case .reserved, .unavailable, .faulted: .chargingRejectedTechnically
        }
    }
}
