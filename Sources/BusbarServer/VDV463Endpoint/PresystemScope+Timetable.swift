import DepotModel
import Foundation
import VDV

extension PresystemScope {
    /// Why a presystem's accepted requests cannot become stays; the whole message is then refused.
    struct TimetableError: Error, CustomStringConvertible {
        let description: String
    }

    /// The stay id of a request: unique across presystems, stable across lists.
    func entryID(_ chargingRequestId: String) -> TimetableEntryID {
        TimetableEntryID("vdv463/\(presystemID)/\(chargingRequestId)")
    }

    /// The presystem's accepted requests as stays of source `.vdv463(presystemID:)`.
    /// - Parameter now: the arrival of a request without an expected arrival.
    /// - Throws: `TimetableError` naming the first request that has no departure time (Busbar cannot
    ///   plan a stay without one) or an unknown vehicle.
    func entries(for requests: [VDV463.ChargingRequest], now: Date) throws(TimetableError) -> [TimetableEntry] {
        try requests.map { request throws(TimetableError) in
            let data = request.chargingRequestData
            guard let departure = data.requestedTimeForDeparture else {
                throw TimetableError(description: "chargingRequestId \(request.chargingRequestId): requestedTimeForDeparture is required")
            }
            guard let vehicle = vehicle(wireID: request.vehicleId) else {
                throw TimetableError(description: "chargingRequestId \(request.chargingRequestId): unknown vehicleId")
            }
            let bay = request.chargingPointId.flatMap(connector(pointID:)).flatMap { depot.charger($0.charger)?.connector($0.connector)?.bay }
            return TimetableEntry(
                id: entryID(request.chargingRequestId), vehicle: vehicle.id, tenant: tenant.id,
                arrival: data.expectedArrivalTimeAtChargingPoint ?? now, departure: departure,
                arrivalSoC: data.expectedSocAtArrival.map(Percent.init), targetSoC: Percent(data.maxTargetSoc),
                minTargetSoC: Percent(data.minTargetSoc), maxTargetSoC: Percent(data.maxTargetSoc), preconditioning: preconditioning(request),
                bay: bay, upstreamPriority: request.priority, adHocCharging: data.adHocCharging ?? false, source: .vdv463(presystemID: presystemID))
        }
    }

    private func preconditioning(_ request: VDV463.ChargingRequest) -> PreconditioningRule? {
        if let manual = request.manualPreconditioning {
            return .manual(
                hvacStart: manual.hvacPreconditioningStartTime, systemStart: manual.systemPreconditioningStartTime,
                hvacPower: Kilowatts(Double(manual.hvacAuxiliaryConsumerPower ?? 0)),
                systemPower: Kilowatts(Double(manual.systemAuxiliaryConsumerPower ?? 0)))
        }
        guard let automatic = request.automaticPreconditioning else { return nil }
        let mode: PreconditioningMode =
            switch automatic.preconditioningRequest {
            case .hotWaterAndHeating: .hotWaterAndHeating
            case .warmWaterAndVentilation: .warmWaterAndVentilation
            case .noWaterCoolingOrVentilation: .noWaterCoolingOrVentilation
            default: .none
            }
        return .automatic(
            mode: mode, requestedStart: automatic.requestedStartTime, requestedFinish: automatic.requestedFinishTime,
            ambientTemperature: automatic.ambientTemperature)
    }
}
