import DepotConfig
import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import Notifications
import Storage

/// What every REST route shares: the one authentication step (docs/reliability.md §4.2) and the way
/// to the depot a path names, so no route decides on its own who may see what.
struct APIEnvironment: Sendable {
    let authentication: APIAuthentication
    let controllers: [DepotID: DepotController]
    let notifiers: [DepotID: Notifier]
    let store: BusbarStore
    let clock: any BusbarClock

    /// The caller's scope: 401 without a valid bearer token.
    func scope(of request: Request) throws -> APITokenSettings.Scope {
        guard let scope = authentication.scope(of: request.headers[.authorization]) else {
            throw ProblemDetails(.unauthorized, "a valid bearer token is required")
        }
        return scope
    }

    /// Refuses all but an admin token: 401 without a valid token, 403 for a tenant token.
    func requireAdmin(_ request: Request) throws {
        guard try scope(of: request) == .admin else { throw ProblemDetails(.forbidden, "an admin bearer token is required") }
    }

    /// The caller's tenant (nil for an admin), or 401.
    func tenant(of request: Request) throws -> TenantID? {
        switch try scope(of: request) {
        case .admin: nil
        case .tenant(let tenant): tenant
        }
    }

    /// The depot of the path's `depotId` as the caller may see it: 401 without a valid token,
    /// 404 for an unknown depot or one the caller's tenant is not part of.
    func depot(_ request: Request, _ context: BusbarRequestContext) async throws -> DepotAccess {
        let tenant = try tenant(of: request)
        let id = DepotID(context.parameters.get("depotId") ?? "")
        guard let controller = controllers[id] else { throw ProblemDetails(.notFound, "no depot \(id)") }
        let depot = await controller.depot
        if let tenant, depot.tenant(tenant) == nil { throw ProblemDetails(.notFound, "no depot \(id)") }
        return DepotAccess(tenant: tenant, depot: depot, controller: controller, notifier: notifiers[id], store: store)
    }
}
