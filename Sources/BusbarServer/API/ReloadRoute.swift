import DepotConfig
import DepotModel
import Foundation
import Hummingbird
import OCPP
import PolicyEngine

/// `POST /api/v1/reload` (admin): re-reads every served depot and its policies, as `SIGHUP` does;
/// 200 with each depot's status, or 422 problem details naming file and line when a revision was
/// refused (the last good one stays active). `GET /api/v1/depots/{id}/status` (admin, or a tenant
/// of that depot): the configuration and policy status (docs/policy-api.md "Hot reload").
struct ReloadRoute: Sendable {
    /// Nil when the process runs without hot reload: both routes then answer that it is off.
    let reloader: DepotReloader?
    let environment: APIEnvironment

    func register(on api: APIRouter) {
        api.on(.post, "/api/v1/reload") { request, _ in
            try environment.requireAdmin(request)
            guard let reloader else { throw ProblemDetails(.conflict, "hot reload is not enabled in this process") }
            let statuses = await reloader.reloadAll()
            let failed = statuses.filter { $0.lastError != nil }
            guard failed.isEmpty else {
                throw ProblemDetails(
                    .unprocessableContent, "reload refused; the last good revision stays active",
                    detail: failed.map { "depot \($0.depot): \($0.lastError!.message)" }.joined(separator: "\n"))
            }
            return Self.json(.object(["depots": .array(statuses.map(Self.json))]))
        }
        api.on(.get, "/api/v1/depots/{depotId}/status") { request, context in
            let access = try await environment.depot(request, context)
            guard let status = await reloader?.status(of: access.depot.id) else {
                throw ProblemDetails(.notFound, "depot \(access.depot.id) has no reload status: hot reload is not enabled in this process")
            }
            return Self.json(Self.json(status))
        }
    }

    private static func json(_ value: JSONValue) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: value.jsonText)))
    }

    /// The status with the contract's names (`active_revision`, `last_error`, `since`).
    static func json(_ status: DepotReloadStatus) -> JSONValue {
        let formatter = ISO8601DateFormatter()
        let policies = status.policies
        return .object([
            "depot": .string(status.depot.rawValue),
            "active_revision": .string(status.activeRevision),
            "since": .string(formatter.string(from: status.since)),
            "last_error": status.lastError.map { error in
                .object([
                    "message": .string(error.message), "file": error.file.map(JSONValue.string) ?? .null,
                    "line": error.line.map { .number(Double($0)) } ?? .null,
                ])
            } ?? .null,
            "policies": .object([
                "active_revision": policies.activeRevision.map(JSONValue.string) ?? .null,
                "defaults_error": policies.defaultsError.map { .string($0.message) } ?? .null,
                "domains": .array(
                    policies.domains.map { health in
                        .object([
                            "domain": .string(health.domain.rawValue), "healthy": .bool(health.healthy),
                            "consecutive_failures": .number(Double(health.consecutiveFailures)),
                            "last_error": health.lastError.map { .string($0.message) } ?? .null,
                        ])
                    }),
            ]),
        ])
    }
}
