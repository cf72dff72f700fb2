import Foundation
import VDV

/// The presystem's vehicles as Busbar's reports describe them, updated report by report; a
/// vehicle that was plugged in and is missing from a later report has departed.
public struct PresystemFleetView: Equatable, Sendable {
    /// By vehicle id.
    public private(set) var vehicles: [String: ReportedVehicle] = [:]

    /// An empty view.
    public init() {}

    /// Vehicles plugged in now.
    public var plugged: [ReportedVehicle] {
        vehicles.values.filter { if case .plugged = $0.whereabouts { true } else { false } }
    }

    /// Takes in one readable report.
    public mutating func apply(_ report: ChargingReport) {
        guard let payload = report.payload else { return }
        var seen: Set<String> = []
        for point in payload.depotInfoList.flatMap(\.chargingStationInfoList).flatMap(\.chargingPointInfoList) {
            if let info = point.vehicleInfo {
                seen.insert(info.vehicleId)
                var vehicle = vehicles[info.vehicleId] ?? ReportedVehicle(vehicleId: info.vehicleId, whereabouts: .scheduled)
                vehicle.whereabouts = .plugged(pointId: point.chargingPointId)
                vehicle.firstPlugged = vehicle.firstPlugged ?? report.at
                vehicle.stateOfCharge = info.tractionBatteryInfo?.stateOfCharge ?? vehicle.stateOfCharge
                if let process = point.chargingProcessInfo {
                    vehicle.processStatus = process.processStatus
                    vehicle.prediction = process.chargingPredictionData
                    vehicle.chargingRequestId = process.chargingRequestId ?? vehicle.chargingRequestId
                }
                vehicles[info.vehicleId] = vehicle
            }
            for scheduled in point.scheduledChargingProcessList ?? [] where vehicles[scheduled.vehicleId]?.firstPlugged == nil {
                var vehicle = vehicles[scheduled.vehicleId] ?? ReportedVehicle(vehicleId: scheduled.vehicleId, whereabouts: .scheduled)
                vehicle.chargingRequestId = scheduled.chargingRequestId
                vehicle.prediction = scheduled.chargingPredictionData
                vehicles[scheduled.vehicleId] = vehicle
            }
        }
        for (id, vehicle) in vehicles where !seen.contains(id) {
            if case .plugged = vehicle.whereabouts { vehicles[id]?.whereabouts = .departed(at: report.at) }
        }
    }
}
