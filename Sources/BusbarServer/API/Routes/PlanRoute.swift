import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import PowerSolver

/// `GET …/plan`: what the planner intends for the caller's vehicles — the night plan in force
/// (re-planned on every event and at least every planning interval), read without changing
/// anything. Per vehicle: planned energy, predicted departure SoC, when the min and max targets
/// are reached, and why a target is missed.
struct PlanRoute: Sendable {
    let environment: APIEnvironment

    /// One vehicle's forecast.
    struct Prediction: Encodable {
        let vehicle: String
        let departure: Date?
        let plannedEnergyKwh: Double
        let predictedDepartureSoc: Double
        let minTargetSoc: Double?
        let maxTargetSoc: Double?
        let minTargetTime: Date?
        let maxTargetTime: Date?
        let shortfallKwh: Double
        /// Why the plan misses the minimum target (binding limits), empty when it does not.
        let missReasons: [String]

        init(_ plan: VehiclePlan, stay: TimetableEntry?, timeZone: TimeZone) {
            vehicle = plan.id.rawValue
            departure = stay?.departure
            plannedEnergyKwh = plan.deliveredEnergy.value
            predictedDepartureSoc = plan.departureStateOfCharge.value
            minTargetSoc = stay?.minTargetSoC.value
            maxTargetSoc = stay?.maxTargetSoC.value
            minTargetTime = plan.minTargetTime
            maxTargetTime = plan.maxTargetTime
            shortfallKwh = plan.shortfall.must.value
            missReasons = plan.binding.map { $0.summary(in: timeZone) }
        }
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/plan") { request, context in
            let access = try await environment.depot(request, context)
            let now = environment.clock.now()
            let stays = await access.controller.timetable(tenant: access.tenant).filter { $0.departure > now }
            let predictions = await access.controller.predictions(tenant: access.tenant).values.sorted { $0.id < $1.id }.map { plan in
                Prediction(plan, stay: stays.filter { $0.vehicle == plan.id }.min { $0.departure < $1.departure }, timeZone: access.depot.timeZone)
            }
            return try APIJSON.response(PlanAnswer(at: now, vehicles: predictions))
        }
    }

    /// The answer: when it was read, and one forecast per planned vehicle.
    private struct PlanAnswer: Encodable {
        let at: Date
        let vehicles: [Prediction]
    }
}
