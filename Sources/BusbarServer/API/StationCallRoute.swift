import DepotConfig
import DepotModel
import Foundation
import Hummingbird
import OCPP

/// `POST /api/v1/stations/{id}/calls` (admin only): sends any OCPP CALL to a connected station
/// through its normal outbound queue and returns the station's answer — for troubleshooting and
/// conformance tools (docs/ocpp.md §14). Body: `{"action": "RemoteStartTransaction", "payload": {…}}`.
struct StationCallRoute: Sendable {
    let registry: StationRegistry
    let environment: APIEnvironment

    func register(on api: APIRouter) {
        api.on(.post, "/api/v1/stations/{stationId}/calls") { request, context in
            try await respond(to: request, context: context)
        }
    }

    private func respond(to request: Request, context: BusbarRequestContext) async throws -> Response {
        try environment.requireAdmin(request)
        let station = ChargerID(context.parameters.get("stationId") ?? "")
        guard let version = await registry.version(of: station) else { throw ProblemDetails(.notFound, "station \(station) is not connected") }
        let body = try await request.body.collect(upTo: 1 << 20)
        guard case .object(let fields) = try? JSONParser.parse(Array(body.readableBytesView)), case .string(let action)? = fields["action"] else {
            throw ProblemDetails(.badRequest, "expected a JSON object with an action and a payload")
        }
        let call: OutgoingCall
        do {
            guard let decoded = try OutgoingCall.decode(action: action, payload: fields["payload"] ?? .object([:]), version: version) else {
                throw ProblemDetails(.badRequest, "\(action) is not a CALL Busbar sends to OCPP \(version.rawValue) stations")
            }
            call = decoded
        } catch let error as OCPPError {
            throw ProblemDetails(.badRequest, "invalid \(action) payload", detail: error.description)
        }
        let answer: JSONValue
        switch await registry.send(call, to: station) {
        case .notConnected:
            throw ProblemDetails(.notFound, "station \(station) is not connected")
        case .timedOut:
            throw ProblemDetails(.gatewayTimeout, "station \(station) did not answer in time; the outcome is unknown")
        case .outcome(.result(let result)):
            answer = .object(["result": try result.payload()])
        case .outcome(.error(_, let code, let description)):
            answer = .object(["error": .object(["code": .string(code), "description": .string(description)])])
        case .outcome(.invalidResult(let error)):
            answer = .object(["invalid_result": .string(error.description)])
        case .outcome(.notSent(let error)):
            throw ProblemDetails(.conflict, "not sent", detail: error.description)
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: answer.jsonText)))
    }
}
