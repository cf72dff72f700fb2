import DepotConfig
import DepotModel
import Foundation
import HTTPTypes
import Hummingbird
import Reports
import Storage

/// The reports over HTTP, as `busbar report` prints them:
/// `GET /api/v1/depots/{depotId}/reports/{sessions|chargers|power}?tenant=&vehicle=&from=&to=&format=json|csv`.
///
/// Authorised like `DepotLiveRoutes`: an admin token sees every tenant; a tenant token is held to
/// its own tenant, and naming another tenant answers 404 as if it did not exist.
struct ReportRoutes: Sendable {
    let environment: APIEnvironment

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/reports/{report}") { request, context in
            try await report(request, context)
        }
    }

    private func report(_ request: Request, _ context: BusbarRequestContext) async throws -> Response {
        let access = try await environment.depot(request, context)
        let depot = access.depot
        let id = depot.id
        let query = request.uri.queryParameters
        var tenant = query.get("tenant").map { TenantID($0) }
        if let asked = tenant, depot.tenant(asked) == nil || (access.tenant != nil && asked != access.tenant) {
            throw ProblemDetails(.notFound, "no tenant \(asked)")
        }
        tenant = access.tenant ?? tenant
        guard let kind = ReportKind(rawValue: context.parameters.get("report") ?? "") else {
            throw ProblemDetails(.notFound, "no report \(context.parameters.get("report") ?? ""): sessions, chargers or power")
        }
        guard let format = ReportFormat(rawValue: query.get("format") ?? "json") else {
            throw ProblemDetails(.badRequest, "format must be json or csv")
        }
        let end = try query.get("to").map { try Self.instant($0, parameter: "to") } ?? environment.clock.now()
        let start = try query.get("from").map { try Self.instant($0, parameter: "from") } ?? ReportRequest.lastDay(before: end).lowerBound
        guard start < end else { throw ProblemDetails(.badRequest, "from must be before to") }
        let reportRequest = ReportRequest(depot: id, tenant: tenant, vehicle: query.get("vehicle").map { VehicleID($0) }, period: start..<end)
        let records = try await environment.store.reportRecords(depot: id, tenant: tenant, period: reportRequest.period)
        let body = try kind.render(reportRequest, depot: depot, records: records, as: format)
        return Response(status: .ok, headers: [.contentType: format.contentType], body: .init(byteBuffer: .init(string: body)))
    }

    private static func instant(_ text: String, parameter: String) throws -> Date {
        if let date = ReportRequest.instant(text) { return date }
        throw ProblemDetails(.badRequest, "\(parameter) must be an ISO 8601 time with a zone, e.g. 2026-11-24T22:00:00Z")
    }
}
