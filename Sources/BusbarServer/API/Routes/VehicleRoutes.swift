import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import PowerSolver

/// The caller's vehicles with their configuration, current or next stay, running session and
/// the plan's prediction: `GET …/vehicles`, `GET …/vehicles/{vehicleId}`.
struct VehicleRoutes: Sendable {
    let environment: APIEnvironment

    /// A vehicle as the API shows it.
    struct VehicleView: Encodable {
        let id: String
        let vin: String?
        let tenant: String
        let batteryKwh: Double
        let maxKw: Double
        let stay: TimetableRoutes.EntryView?
        let session: SessionRoutes.SessionView?
        let prediction: PlanRoute.Prediction?
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/vehicles") { request, context in
            let access = try await environment.depot(request, context)
            return try APIJSON.response(["vehicles": await views(access, of: access.depot.vehicles.filter { access.sees($0.tenant) })])
        }
        api.on(.get, "/api/v1/depots/{depotId}/vehicles/{vehicleId}") { request, context in
            let access = try await environment.depot(request, context)
            let vehicle = try access.vehicle(VehicleID(context.parameters.get("vehicleId") ?? ""))
            return try APIJSON.response(await views(access, of: [vehicle])[0])
        }
    }

    private func views(_ access: DepotAccess, of vehicles: [Vehicle]) async -> [VehicleView] {
        let now = environment.clock.now()
        let snapshot = await access.controller.snapshot(tenant: access.tenant)
        let stays = await access.controller.timetable(tenant: access.tenant).filter { $0.departure > now }
        let predictions = await access.controller.predictions(tenant: access.tenant)
        return vehicles.map { vehicle in
            let connector = snapshot.connectors.first { $0.session?.vehicle == vehicle.id }
            let stay = stays.filter { $0.vehicle == vehicle.id }.min { $0.departure < $1.departure }
            return VehicleView(
                id: vehicle.id.rawValue, vin: vehicle.vin, tenant: vehicle.tenant.rawValue, batteryKwh: vehicle.batteryCapacity.value,
                maxKw: vehicle.maxPower.value, stay: stay.map(TimetableRoutes.EntryView.init),
                session: connector.flatMap { connector in connector.session.map { SessionRoutes.SessionView(live: $0, connector: connector) } },
                prediction: predictions[vehicle.id].map { PlanRoute.Prediction($0, stay: stay, timeZone: access.depot.timeZone) })
        }
    }
}
