import DepotModel
import Foundation
import HTTPTypes
import Hummingbird
import OCPP
import Storage

/// Policy decision records (docs/policy-api.md "Decision records"):
/// `GET …/decisions?domain=&vehicle=&from=&to=&limit=` and `GET …/decisions/{decisionId}` with the
/// explanation — inputs, policy revision, result, reasons and traces.
///
/// A tenant sees the decisions about its own events (the event's `tenant` is the caller's:
/// enforcement, escalation, pre-conditioning); a priority round weighs every tenant's sessions
/// at once, so its records are for admins only.
struct DecisionRoutes: Sendable {
    let environment: APIEnvironment

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/decisions") { request, context in
            let access = try await environment.depot(request, context)
            let domain = try APIJSON.choice("domain", of: request, allowed: PolicyDomain.allCases.map(\.rawValue)).flatMap(PolicyDomain.init)
            let vehicle = request.uri.queryParameters.get("vehicle")
            let limit = try APIJSON.limit(of: request)
            let narrowed = access.tenant != nil || vehicle != nil
            let records = try await access.store.decisions(
                depot: access.depot.id, domain: domain, since: try APIJSON.date("from", of: request) ?? .distantPast,
                until: try APIJSON.date("to", of: request), limit: narrowed ? 10_000 : limit)
            let visible = records.filter { record in
                let event = Self.event(of: record)
                // A record without an event tenant (a priority round) is the admin's only: `sees(nil)` is false for a tenant.
                return access.sees(Self.tenant(of: event)) && (vehicle == nil || Self.vehicle(of: event) == vehicle)
            }
            return APIJSON.response(.object(["decisions": .array(visible.prefix(limit).map { Self.json($0, explain: false) })]))
        }
        api.on(.get, "/api/v1/depots/{depotId}/decisions/{decisionId}") { request, context in
            let access = try await environment.depot(request, context)
            let id = context.parameters.get("decisionId") ?? ""
            guard let uuid = UUID(uuidString: id), let record = try await access.store.decision(depot: access.depot.id, id: uuid),
                access.tenant == nil || Self.tenant(of: Self.event(of: record)) == access.tenant
            else { throw ProblemDetails(.notFound, "no decision \(id)") }
            return APIJSON.response(Self.json(record, explain: true))
        }
    }

    /// The event the policy was asked about (`ev` of the stored input), if any.
    private static func event(of record: PolicyDecisionRecord) -> JSONValue? {
        guard case .object(let input)? = try? JSONParser.parse(record.input) else { return nil }
        return input["ev"]
    }

    private static func tenant(of event: JSONValue?) -> TenantID? {
        guard case .object(let fields)? = event, case .string(let tenant)? = fields["tenant"] else { return nil }
        return TenantID(tenant)
    }

    private static func vehicle(of event: JSONValue?) -> String? {
        guard case .object(let fields)? = event else { return nil }
        switch fields["vehicle"] {
        case .string(let id): return id
        case .object(let vehicle): if case .string(let id)? = vehicle["id"] { return id }
        default: break
        }
        if case .string(let id)? = fields["id"] { return id }
        return nil
    }

    /// A record as JSON; with `explain`, the inputs, output and traces as stored.
    private static func json(_ record: PolicyDecisionRecord, explain: Bool) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(record.id.uuidString), "domain": .string(record.domain.rawValue), "revision": .string(record.revision),
            "now": .string(ISO8601DateFormatter().string(from: record.now)), "decided_by": .string(record.decidedBy.rawValue),
            "fallback": .bool(record.fallback), "reasons": .array(record.reasons.map(JSONValue.string)),
            "error": record.error.map(JSONValue.string) ?? .null,
        ]
        if explain {
            fields["input"] = (try? JSONParser.parse(record.input)) ?? .string(record.input)
            fields["output"] = (try? JSONParser.parse(record.output)) ?? .string(record.output)
            fields["trace"] = (try? JSONParser.parse(record.trace)) ?? .string(record.trace)
            fields["instructions"] = .number(Double(record.instructions))
            fields["memory_bytes"] = .number(Double(record.memoryBytes))
            fields["duration_us"] = .number(Double(record.durationMicroseconds))
        }
        return .object(fields)
    }
}
