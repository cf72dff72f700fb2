public import DepotModel
import Foundation
public import VDV

/// The timetable a presystem would send for a simulated night: one charging request per visit of
/// one of its tenant's vehicles, at the visit's point and times, with the targets and the
/// pre-conditioning start of the vehicle's line in the depot timetable. Pre-conditioning requests
/// alternate between automatic (with a requested start) and manual (fixed starts and powers), so
/// both kinds are exercised; either way the start is explicit.
public enum UpstreamTimetable {
    /// The auxiliary powers a manual pre-conditioning request declares, kW (HVAC, system).
    public static let manualPowers = (hvac: 15, system: 5)

    /// The requests of `tenant`'s vehicles in `plan`, in visit order.
    public static func requests(plan: SimulationPlan, depot: Depot, tenant: TenantID) -> [VDV463.ChargingRequest] {
        var preconditioned = 0
        return plan.visits.compactMap { visit in
            guard let vehicle = depot.vehicle(identifiedBy: visit.vehicle.idToken), vehicle.tenant == tenant,
                let line = depot.timetable.first(where: { $0.vehicle == vehicle.id })
            else { return nil }
            var request = VDV463.ChargingRequest(
                chargingRequestId: "\(vehicle.id)-\(dayStamp(visit.departure, in: depot.timeZone))", vehicleId: vehicle.vin ?? vehicle.id.rawValue,
                chargingPointId: "\(depot.id)/\(plan.stations[visit.station].id)/\(visit.connector)",
                chargingRequestData: VDV463.ChargingRequestData(
                    minTargetSoc: line.minimumSoC.value, maxTargetSoc: line.maximumSoC.value,
                    expectedArrivalTimeAtChargingPoint: visit.arrival, expectedSocAtArrival: visit.vehicle.battery.stateOfCharge.rounded(),
                    requestedTimeForDeparture: visit.departure))
            if let time = line.preconditioningStart {
                let start = latest(time, notAfter: visit.departure, in: depot.timeZone)
                if preconditioned.isMultiple(of: 2) {
                    let mode = line.preconditioningMode ?? .hotWaterAndHeating
                    request.automaticPreconditioning = VDV463.AutomaticPreconditioning(
                        preconditioningRequest: mode == .none
                            ? .noClimaticPreconditioningOrSNA : VDV463.PreconditioningRequest(rawValue: mode.rawValue),
                        requestedStartTime: start, requestedFinishTime: visit.departure)
                } else {
                    request.manualPreconditioning = VDV463.ManualPreconditioning(
                        hvacPreconditioningStartTime: start, systemPreconditioningStartTime: start,
                        hvacAuxiliaryConsumerPower: manualPowers.hvac, systemAuxiliaryConsumerPower: manualPowers.system)
                }
                preconditioned += 1
            }
            return request
        }
    }

    /// The last instant at local `time` that is not after `instant`.
    private static func latest(_ time: TimeOfDay, notAfter instant: Date, in timeZone: TimeZone) -> Date {
        let day = LocalDate(containing: instant, in: timeZone)
        let sameDay = day.instant(at: time, in: timeZone)
        return sameDay <= instant ? sameDay : day.adding(days: -1).instant(at: time, in: timeZone)
    }

    /// `20261125`: the local day of the departure, so a request id names its night.
    private static func dayStamp(_ instant: Date, in timeZone: TimeZone) -> String {
        let day = LocalDate(containing: instant, in: timeZone)
        return String(format: "%04d%02d%02d", day.year, day.month, day.day)
    }
}
