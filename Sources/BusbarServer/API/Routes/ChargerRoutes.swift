import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// Chargers with their live status: `GET …/chargers`, `GET …/chargers/{chargerId}`, and the OCPP
/// message log `GET …/chargers/{chargerId}/messages`.
///
/// A tenant sees the chargers of the areas it may charge in (all of them when its tenant entry
/// binds no area) and any charger carrying one of its sessions; another tenant's vehicle on a
/// visible connector shows as `occupied` without a session. The message log is admin only: its
/// frames carry every tenant's tokens and transactions on that charger.
struct ChargerRoutes: Sendable {
    let environment: APIEnvironment

    /// One charger: configuration, connection, boot info and connectors.
    struct ChargerView: Encodable {
        struct Boot: Encodable {
            let state: String
            let vendor: String?
            let model: String?
            let serialNumber: String?
            let firmwareVersion: String?
        }
        struct ConnectorView: Encodable {
            let connector: Int
            let bay: String?
            let maxKw: Double
            let state: String
            let errorCode: String?
            let occupied: Bool
            let session: SessionRoutes.SessionView?
        }
        let id: String
        let ocppVersion: String
        let area: String?
        let circuit: String?
        let online: Bool
        let connectedSince: Date?
        let lastMessageAt: Date?
        let boot: Boot?
        let connectors: [ConnectorView]
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/chargers") { request, context in
            let access = try await environment.depot(request, context)
            return try APIJSON.response(["chargers": try await chargers(access)])
        }
        api.on(.get, "/api/v1/depots/{depotId}/chargers/{chargerId}") { request, context in
            let access = try await environment.depot(request, context)
            let id = ChargerID(context.parameters.get("chargerId") ?? "")
            guard let charger = try await chargers(access, only: id).first else { throw ProblemDetails(.notFound, "no charger \(id)") }
            return try APIJSON.response(charger)
        }
        api.on(.get, "/api/v1/depots/{depotId}/chargers/{chargerId}/messages") { request, context in
            let access = try await environment.depot(request, context)
            try environment.requireAdmin(request)
            let id = ChargerID(context.parameters.get("chargerId") ?? "")
            guard access.depot.charger(id) != nil else { throw ProblemDetails(.notFound, "no charger \(id)") }
            let limit = try APIJSON.limit(of: request, standard: 200)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let messages = try await environment.store.messageLog(station: id, limit: limit).map { entry in
                ["direction": entry.direction.rawValue, "at": formatter.string(from: entry.at), "frame": entry.frame]
            }
            return try APIJSON.response(MessageLog(charger: id.rawValue, messages: messages))
        }
    }

    /// The answer of the message log.
    private struct MessageLog: Encodable {
        let charger: String
        let messages: [[String: String]]
    }

    /// The chargers the caller sees (one when `only` is given), in id order.
    private func chargers(_ access: DepotAccess, only: ChargerID? = nil) async throws -> [ChargerView] {
        let snapshot = await access.controller.snapshot(tenant: access.tenant)
        let presence = Dictionary(
            try await access.store.stationPresence(depot: access.depot.id).map { ($0.station, $0) }, uniquingKeysWith: { a, _ in a })
        let online = Set(snapshot.onlineChargers)
        return access.depot.chargers.filter { only == nil || $0.id == only }.compactMap { charger in
            let connectors = snapshot.connectors.filter { $0.charger == charger.id }
            guard access.mayUse(charger) || connectors.contains(where: { $0.session != nil }) else { return nil }
            let station = presence[charger.id]
            return ChargerView(
                id: charger.id.rawValue, ocppVersion: charger.ocppVersion.rawValue, area: charger.area?.rawValue, circuit: charger.circuit?.rawValue,
                online: online.contains(charger.id), connectedSince: station?.since, lastMessageAt: station?.lastMessageAt,
                boot: station.map {
                    ChargerView.Boot(
                        state: $0.bootState.rawValue, vendor: $0.bootInfo?.vendor, model: $0.bootInfo?.model, serialNumber: $0.bootInfo?.serialNumber,
                        firmwareVersion: $0.bootInfo?.firmwareVersion)
                },
                connectors: connectors.map { connector in
                    ChargerView.ConnectorView(
                        connector: connector.connector, bay: connector.bay?.rawValue,
                        maxKw: charger.connector(connector.connector)?.maxPower.value ?? 0, state: connector.state.rawValue,
                        errorCode: connector.errorCode, occupied: connector.occupied,
                        session: connector.session.map { SessionRoutes.SessionView(live: $0, connector: connector) })
                })
        }
    }
}
