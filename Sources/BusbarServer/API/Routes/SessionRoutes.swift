import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// Charging sessions: `GET …/sessions` (running ones live from the depot, finished ones from
/// storage), `GET …/sessions/{sessionId}`, remote start `POST …/sessions`, remote stop
/// `POST …/sessions/{sessionId}/stop` and the power cap `PUT …/sessions/{sessionId}/limit`.
struct SessionRoutes: Sendable {
    let environment: APIEnvironment

    /// A session as the API shows it; live values only while it runs.
    struct SessionView: Encodable {
        let id: String
        let status: String
        let charger: String
        let connector: Int
        let vehicle: String?
        let tenant: String?
        let startedAt: Date
        let stoppedAt: Date?
        let stopReason: String?
        let energyKwh: Double
        let powerKw: Double?
        let soc: Double?
        let departure: Date?
        let targetSoc: Double?
        let predictedDepartureSoc: Double?
        let limitKw: Double?
        let manualCapKw: Double?
        let held: Bool?

        init(live session: SessionSnapshot, connector: ConnectorSnapshot) {
            id = session.id.rawValue
            status = "active"
            charger = connector.charger.rawValue
            self.connector = connector.connector
            vehicle = session.vehicle?.rawValue
            tenant = session.tenant?.rawValue
            startedAt = session.startedAt
            stoppedAt = nil
            stopReason = nil
            energyKwh = session.energyKwh
            powerKw = session.powerKw
            soc = session.soc
            departure = session.departure
            targetSoc = session.targetSoc
            predictedDepartureSoc = session.predictedDepartureSoc
            limitKw = session.limitKw
            manualCapKw = session.manualCapKw
            held = session.held
        }

        init(finished record: ChargingTransactionRecord) {
            id = "\(record.stationID):\(record.transactionKey)"
            status = "finished"
            charger = record.stationID
            connector = record.connector
            vehicle = record.vehicleID
            tenant = record.tenantID
            startedAt = record.startedAt
            stoppedAt = record.stoppedAt
            stopReason = record.stopReason
            energyKwh = max(0, (record.meterStopKWh ?? record.meterStartKWh) - record.meterStartKWh)
            powerKw = nil
            soc = nil
            departure = nil
            targetSoc = nil
            predictedDepartureSoc = nil
            limitKw = nil
            manualCapKw = nil
            held = nil
        }
    }

    /// The body of a remote start: where, and who (a token, or a vehicle whose first token is used).
    struct StartRequest: Decodable {
        let charger: String
        let connector: Int
        let idToken: String?
        let vehicle: String?
    }

    /// The body of a limit request: the cap in kW, or null to lift it.
    struct LimitRequest: Decodable {
        let maxKw: Double?
    }

    /// The charger's answer to a start or stop.
    struct CommandAnswer: Encodable {
        let session: String?
        let result: String
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/sessions") { request, context in
            let access = try await environment.depot(request, context)
            let status = try APIJSON.choice("status", of: request, allowed: ["active", "finished"])
            let vehicle = request.uri.queryParameters.get("vehicle")
            let charger = request.uri.queryParameters.get("charger")
            let query = SessionQuery(
                tenant: access.tenant, vehicle: vehicle.map { VehicleID($0) }, station: charger.map { ChargerID($0) },
                from: try APIJSON.date("from", of: request), until: try APIJSON.date("to", of: request), limit: try APIJSON.limit(of: request))
            var sessions: [SessionView] = []
            if status != "finished" {
                sessions += await active(access).filter { query.matches($0) }
            }
            if status != "active" {
                sessions += try await access.store.finishedTransactions(depot: access.depot.id, query).map(SessionView.init(finished:))
            }
            return try APIJSON.response(["sessions": Array(sessions.prefix(query.limit))])
        }
        api.on(.get, "/api/v1/depots/{depotId}/sessions/{sessionId}") { request, context in
            let access = try await environment.depot(request, context)
            let id = context.parameters.get("sessionId") ?? ""
            if let session = await active(access).first(where: { $0.id == id }) { return try APIJSON.response(session) }
            let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let record = try await access.store.transaction(station: ChargerID(parts[0]), key: parts[1]),
                record.depotID == access.depot.id.rawValue, record.stoppedAt != nil,
                access.tenant == nil || record.tenantID == access.tenant?.rawValue
            else { throw ProblemDetails(.notFound, "no session \(id)") }
            return try APIJSON.response(SessionView(finished: record))
        }
        api.on(.post, "/api/v1/depots/{depotId}/sessions") { request, context in
            let access = try await environment.depot(request, context)
            let start = try await APIJSON.body(StartRequest.self, of: request)
            guard let charger = access.depot.charger(ChargerID(start.charger)), access.mayUse(charger) else {
                throw ProblemDetails(.notFound, "no charger \(start.charger)")
            }
            guard charger.connector(start.connector) != nil else {
                throw ProblemDetails(.notFound, "no connector \(start.connector) at \(charger.id)")
            }
            let token: String
            switch (start.idToken, start.vehicle) {
            case (let idToken?, nil): token = idToken
            case (nil, let vehicle?):
                guard let first = try access.vehicle(VehicleID(vehicle)).idTokens.first else {
                    throw ProblemDetails(.unprocessableContent, "vehicle \(vehicle) has no id token to start with")
                }
                token = first
            default: throw ProblemDetails(.badRequest, "give either id_token or vehicle")
            }
            let result = try await access.controller.remoteStart(
                connector: ConnectorAddress(charger: charger.id, connector: start.connector), idToken: token, tenant: access.tenant)
            return try APIJSON.response(CommandAnswer(session: nil, result: Self.text(result)), status: result.isAccepted ? .accepted : .badGateway)
        }
        api.on(.post, "/api/v1/depots/{depotId}/sessions/{sessionId}/stop") { request, context in
            let access = try await environment.depot(request, context)
            let session = ChargingSessionID(context.parameters.get("sessionId") ?? "")
            let result = try await access.controller.remoteStop(session: session, tenant: access.tenant)
            return try APIJSON.response(
                CommandAnswer(session: session.rawValue, result: Self.text(result)), status: result.isAccepted ? .accepted : .badGateway)
        }
        api.on(.put, "/api/v1/depots/{depotId}/sessions/{sessionId}/limit") { request, context in
            let access = try await environment.depot(request, context)
            let session = ChargingSessionID(context.parameters.get("sessionId") ?? "")
            let limit = try await APIJSON.body(LimitRequest.self, of: request, limit: 4096)
            if let cap = limit.maxKw, !(0...10_000).contains(cap) {
                throw ProblemDetails(.unprocessableContent, "max_kw must be between 0 and 10000 kW, or null to lift the cap")
            }
            try await access.controller.setPowerLimit(session: session, cap: limit.maxKw.map(Kilowatts.init), tenant: access.tenant)
            return Response(status: .noContent)
        }
    }

    /// The running sessions the caller sees.
    private func active(_ access: DepotAccess) async -> [SessionView] {
        await access.controller.snapshot(tenant: access.tenant).connectors.compactMap { connector in
            connector.session.map { SessionView(live: $0, connector: connector) }
        }
    }

    private static func text(_ result: ChargerCommandResult) -> String {
        switch result {
        case .accepted: "accepted"
        case .rejected(let status): "rejected: \(status)"
        case .failed(let reason): "failed: \(reason)"
        }
    }
}
