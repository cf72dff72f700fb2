import DepotConfig
import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// The live depot map's data (issue 8): the layout from the depot file and a server-sent-event
/// stream of the depot now and its power chart. An admin token sees the whole depot, a tenant
/// token only the areas it charges in and its own vehicles; filtering happens here, never in the page.
///
/// - `GET /api/v1/depots/{id}/layout`: ``DepotLayout``.
/// - `GET /api/v1/depots/{id}/stream`: `text/event-stream` with a `power` event (``PowerChart``,
///   the whole history first, then new samples) and a `snapshot` event (``MapSnapshot``) on
///   connect and every `interval`.
struct DepotMapRoutes: Sendable {
    let environment: APIEnvironment
    let recorders: [DepotID: PowerRecorder]
    let interval: Duration

    private struct Access {
        let tenant: Tenant?
        let depot: Depot
        let controller: DepotController
        let recorder: PowerRecorder
    }

    /// The caller's view through the API's one token check (401, or 404 for a depot it is not part of).
    private func authorize(_ request: Request, _ context: BusbarRequestContext) async throws -> Access {
        let access = try await environment.depot(request, context)
        guard let recorder = recorders[access.depot.id] else { throw ProblemDetails(.notFound, "no depot \(access.depot.id)") }
        return Access(tenant: access.tenant.flatMap(access.depot.tenant), depot: access.depot, controller: access.controller, recorder: recorder)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// One server-sent event; JSON never holds a raw line break, so `data` is one line.
    private static func event(_ name: String, _ value: some Encodable) throws -> ByteBuffer {
        var buffer = ByteBuffer(string: "event: \(name)\ndata: ")
        buffer.writeBytes(try encoder.encode(value))
        buffer.writeString("\n\n")
        return buffer
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/layout") { request, context in
            let access = try await authorize(request, context)
            let layout = DepotLayout(depot: access.depot, tenant: access.tenant?.id)
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: .init(bytes: try Self.encoder.encode(layout))))
        }
        api.on(.get, "/api/v1/depots/{depotId}/stream") { request, context in
            let access = try await authorize(request, context)
            let interval = self.interval
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store", HTTPField.Name("X-Accel-Buffering")!: "no"],
                body: ResponseBody { writer in
                    try await Self.stream(access, every: interval, to: &writer)
                    try await writer.finish(nil)
                })
        }
    }

    /// Writes updates until the client goes away (the write throws) or the server shuts down.
    private static func stream(_ access: Access, every interval: Duration, to writer: inout any ResponseBodyWriter) async throws {
        let chargers = Set(DepotLayout.chargers(visibleTo: access.tenant, in: access.depot).map(\.id))
        var sentUntil = Date.distantPast
        while !Task.isShuttingDownGracefully {
            let snapshot = await access.controller.snapshot(tenant: access.tenant?.id)
            let samples = access.recorder.samples(after: sentUntil)
            let start = access.recorder.first?.at ?? snapshot.at
            let chart = PowerChart(
                samples: samples, start: start, now: snapshot.at, grid: access.depot.grid, timeZone: access.depot.timeZone)
            sentUntil = samples.last?.at ?? sentUntil
            try await writer.write(event("power", chart))
            try await writer.write(event("snapshot", MapSnapshot(snapshot, chargers: chargers)))
            try await Task.sleep(for: interval)
        }
    }
}
