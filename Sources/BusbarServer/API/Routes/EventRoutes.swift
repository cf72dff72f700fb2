import DepotModel
import Foundation
import HTTPTypes
import Hummingbird
import Notifications
import Storage

/// Operational events (the notifier's incidents) and their notifications:
/// `GET …/events?status=&kind=`, `POST …/events/{eventId}/ack` (stops the escalation ladder) and
/// `GET …/notifications?status=` (outbox entries with their delivery status).
struct EventRoutes: Sendable {
    let environment: APIEnvironment

    /// An incident as the API shows it.
    struct EventView: Encodable {
        let id: Int64
        let kind: String
        let key: String
        let tenant: String?
        let status: String
        let raisedAt: Date
        let acknowledgedAt: Date?
        let acknowledgedBy: String?
        let resolvedAt: Date?

        init(_ incident: IncidentRecord) {
            id = incident.id ?? 0
            kind = incident.kind
            key = incident.incidentKey
            tenant = incident.tenantID
            status = incident.status.rawValue
            raisedAt = incident.raisedAt
            acknowledgedAt = incident.acknowledgedAt
            acknowledgedBy = incident.acknowledgedBy
            resolvedAt = incident.resolvedAt
        }
    }

    /// An outbox entry as the API shows it.
    struct NotificationView: Encodable {
        let id: String
        let eventId: Int64
        let kind: String
        let tenant: String?
        let channel: String
        let recipient: String
        let severity: String
        let subject: String
        let status: String
        let dueAt: Date
        let attempts: Int
        let lastAttemptAt: Date?
        let lastError: String?
        let sentAt: Date?

        init(_ entry: OutboxEntryRecord) {
            id = entry.id
            eventId = entry.incidentID
            kind = entry.eventKind
            tenant = entry.tenantID
            channel = entry.channel
            recipient = entry.recipient
            severity = entry.severity
            subject = entry.subject
            status = entry.status.rawValue
            dueAt = entry.dueAt
            attempts = entry.attempts
            lastAttemptAt = entry.lastAttemptAt
            lastError = entry.lastError
            sentAt = entry.sentAt
        }
    }

    /// The optional body of an acknowledgement: who acted.
    struct AckRequest: Decodable {
        let by: String?
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/events") { request, context in
            let access = try await environment.depot(request, context)
            let status = try APIJSON.choice("status", of: request, allowed: IncidentStatus.allCases.map(\.rawValue)).flatMap(IncidentStatus.init)
            let kind = request.uri.queryParameters.get("kind")
            let limit = try APIJSON.limit(of: request)
            let incidents = try await access.requireNotifier().incidents(tenant: access.tenant, status: status, limit: kind == nil ? limit : 10_000)
            return try APIJSON.response(["events": incidents.filter { kind == nil || $0.kind == kind }.prefix(limit).map(EventView.init)])
        }
        api.on(.post, "/api/v1/depots/{depotId}/events/{eventId}/ack") { request, context in
            let access = try await environment.depot(request, context)
            let id = context.parameters.get("eventId") ?? ""
            let body = try await request.body.collect(upTo: 4096)
            let ack = body.readableBytes == 0 ? AckRequest(by: nil) : try APIJSON.decode(AckRequest.self, from: body)
            let person = ack.by ?? access.tenant.map { "api:\($0)" } ?? "api:admin"
            guard let number = Int64(id),
                let incident = try await access.requireNotifier().acknowledge(
                    incident: number, tenant: access.tenant, by: person, at: environment.clock.now())
            else { throw ProblemDetails(.notFound, "no event \(id)") }
            guard incident.status != .resolved else { throw ProblemDetails(.conflict, "event \(id) is resolved already") }
            return try APIJSON.response(EventView(incident))
        }
        api.on(.get, "/api/v1/depots/{depotId}/notifications") { request, context in
            let access = try await environment.depot(request, context)
            let status = try APIJSON.choice("status", of: request, allowed: OutboxEntryStatus.allCases.map(\.rawValue)).flatMap(
                OutboxEntryStatus.init)
            let entries = try await access.requireNotifier().notifications(
                tenant: access.tenant, status: status, limit: try APIJSON.limit(of: request))
            return try APIJSON.response(["notifications": entries.map(NotificationView.init)])
        }
    }
}
