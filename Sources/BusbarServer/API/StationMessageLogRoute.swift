import DepotConfig
import DepotModel
import Foundation
import Hummingbird
import OCPP
import Storage

/// `GET /api/v1/stations/{id}/messages?limit=N` (admin only): the newest OCPP frames of a station,
/// newest first, for troubleshooting — what the station sent and what Busbar answered.
struct StationMessageLogRoute: Sendable {
    let store: BusbarStore
    let authentication: APIAuthentication

    func register(on router: Router<BusbarRequestContext>) {
        router.get("/api/v1/stations/:stationId/messages") { request, context in
            guard authentication.scope(of: request.headers[.authorization]) == .admin else {
                throw ProblemDetails(.unauthorized, "an admin bearer token is required")
            }
            let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? 200
            guard (1...10_000).contains(limit) else { throw ProblemDetails(.badRequest, "limit must be between 1 and 10000") }
            let station = ChargerID(context.parameters.get("stationId") ?? "")
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let entries = try await store.messageLog(station: station, limit: limit).map { entry -> JSONValue in
                .object([
                    "direction": .string(entry.direction.rawValue), "at": .string(formatter.string(from: entry.at)), "frame": .string(entry.frame),
                ])
            }
            let body = JSONValue.object(["station": .string(station.rawValue), "messages": .array(entries)])
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: body.jsonText)))
        }
    }
}
