import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird

/// The depots a caller may see and each one's summary and live picture:
/// `GET /api/v1/depots`, `GET …/{depotId}`, `GET …/{depotId}/live`.
struct DepotRoutes: Sendable {
    let environment: APIEnvironment

    /// A depot's summary: grid limit now and its time blocks, and the tenants the caller sees.
    struct Summary: Encodable {
        struct Block: Encodable {
            let name: String
            let from: String
            let to: String
            let limitKw: Double
            let pricePerKwh: Double
        }
        struct TenantSummary: Encodable {
            let id: String
            let name: String
            let tenantClass: String
            let priority: Int
            let areas: [String]
        }
        let id: String
        let name: String
        let timezone: String
        let connectionKw: Double
        let safetyMarginKw: Double
        let limitNowKw: Double
        let blockNow: String?
        let blocks: [Block]
        let tenants: [TenantSummary]
        let chargers: Int
        let vehicles: Int

        init(_ depot: Depot, tenant: TenantID?, at now: Date) {
            id = depot.id.rawValue
            name = depot.name
            timezone = depot.timeZone.identifier
            connectionKw = depot.grid.connectionLimit.value
            safetyMarginKw = depot.grid.safetyMargin.value
            limitNowKw = depot.grid.limit(at: now, in: depot.timeZone).value
            blockNow = depot.grid.block(at: now, in: depot.timeZone)?.name
            blocks = depot.grid.blocks.map {
                Block(
                    name: $0.name, from: $0.window.from.description, to: $0.window.to.description, limitKw: $0.limit.value,
                    pricePerKwh: $0.pricePerKilowattHour)
            }
            tenants = depot.tenants.filter { tenant == nil || $0.id == tenant }.map {
                TenantSummary(
                    id: $0.id.rawValue, name: $0.name, tenantClass: $0.tenantClass.rawValue, priority: $0.priority, areas: $0.areas.map(\.rawValue))
            }
            chargers = depot.chargers.count
            vehicles = depot.vehicles.filter { tenant == nil || $0.tenant == tenant }.count
        }
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots") { request, _ in
            let tenant = try environment.tenant(of: request)
            var summaries: [Summary] = []
            for controller in environment.controllers.values {
                let depot = await controller.depot
                guard tenant == nil || depot.tenant(tenant!) != nil else { continue }
                summaries.append(Summary(depot, tenant: tenant, at: environment.clock.now()))
            }
            return try APIJSON.response(["depots": summaries.sorted { $0.id < $1.id }])
        }
        api.on(.get, "/api/v1/depots/{depotId}") { request, context in
            let access = try await environment.depot(request, context)
            return try APIJSON.response(Summary(access.depot, tenant: access.tenant, at: environment.clock.now()))
        }
        api.on(.get, "/api/v1/depots/{depotId}/live") { request, context in
            let access = try await environment.depot(request, context)
            return try APIJSON.response(await access.controller.snapshot(tenant: access.tenant))
        }
    }
}
