import DepotConfig
import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird

/// The depot runtime's live state and session control over HTTP (issue 8 will grow the full API
/// around it): an admin token reaches every tenant, a tenant token only its own objects — anything
/// else answers 404, as if it did not exist.
///
/// - `GET /api/v1/depots/{id}/live`: the depot now (connectors, sessions, stays, reservations, events).
/// - `POST /api/v1/depots/{id}/sessions/{session}/stop`: RemoteStop; 202 with the charger's answer.
/// - `PUT /api/v1/depots/{id}/sessions/{session}/limit` with `{"max_kw": 40}` or `{"max_kw": null}`.
struct DepotLiveRoutes: Sendable {
    let controllers: [DepotID: DepotController]
    let depots: [DepotID: Depot]
    let authentication: APIAuthentication

    /// The caller's tenant (nil for admin) and the depot's runtime, or the problem to answer.
    private func authorize(_ request: Request, _ context: BusbarRequestContext) throws -> (tenant: TenantID?, controller: DepotController) {
        guard let scope = authentication.scope(of: request.headers[.authorization]) else {
            throw ProblemDetails(.unauthorized, "a bearer token is required")
        }
        let id = DepotID(context.parameters.get("depotId") ?? "")
        guard let controller = controllers[id], let depot = depots[id] else { throw ProblemDetails(.notFound, "no depot \(id)") }
        switch scope {
        case .admin: return (nil, controller)
        case .tenant(let tenant):
            guard depot.tenant(tenant) != nil else { throw ProblemDetails(.notFound, "no depot \(id)") }
            return (tenant, controller)
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(bytes: try encoder.encode(value))))
    }

    private static func problem(_ error: RuntimeError) -> ProblemDetails {
        switch error {
        case .notFound(let what): ProblemDetails(.notFound, "no \(what)")
        case .invalid(let why): ProblemDetails(.unprocessableContent, why)
        }
    }

    /// The body of a limit request: the cap in kW, or null to lift it.
    private struct LimitRequest: Decodable {
        let maxKw: Double?
    }

    /// The answer to a stop request.
    private struct CommandAnswer: Encodable {
        let session: String
        let result: String
    }

    func register(on router: Router<BusbarRequestContext>) {
        router.get("/api/v1/depots/:depotId/live") { request, context in
            let (tenant, controller) = try authorize(request, context)
            return try Self.json(await controller.snapshot(tenant: tenant))
        }
        router.post("/api/v1/depots/:depotId/sessions/:sessionId/stop") { request, context in
            let (tenant, controller) = try authorize(request, context)
            let session = ChargingSessionID(context.parameters.get("sessionId") ?? "")
            do {
                let result = try await controller.remoteStop(session: session, tenant: tenant)
                let text =
                    switch result {
                    case .accepted: "accepted"
                    case .rejected(let status): "rejected: \(status)"
                    case .failed(let reason): "failed: \(reason)"
                    }
                return try Self.json(CommandAnswer(session: session.rawValue, result: text), status: result.isAccepted ? .accepted : .badGateway)
            } catch let error as RuntimeError {
                throw Self.problem(error)
            }
        }
        router.put("/api/v1/depots/:depotId/sessions/:sessionId/limit") { request, context in
            let (tenant, controller) = try authorize(request, context)
            let session = ChargingSessionID(context.parameters.get("sessionId") ?? "")
            let body = try await request.body.collect(upTo: 4096)
            let limit: LimitRequest
            do {
                let decoder = JSONDecoder()
                decoder.keyDecodingStrategy = .convertFromSnakeCase
                limit = try decoder.decode(LimitRequest.self, from: Data(body.readableBytesView))
            } catch {
                throw ProblemDetails(.badRequest, "the body must be {\"max_kw\": number or null}")
            }
            do {
                try await controller.setPowerLimit(session: session, cap: limit.maxKw.map(Kilowatts.init), tenant: tenant)
            } catch let error as RuntimeError {
                throw Self.problem(error)
            }
            return Response(status: .noContent)
        }
    }
}
