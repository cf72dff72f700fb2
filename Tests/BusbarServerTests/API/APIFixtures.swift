import BusbarServer
import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Storage
import Testing

/// Objects of both tenants, made the way fleet systems and the depot make them: stays and
/// reservations over the API, and what the chargers, the notifier and the policies leave in
/// storage (a finished session, an open incident with a pending notification, a decision record).
struct APIFixtures: Sendable {
    /// The ids of one tenant's objects.
    struct Objects: Sendable {
        let vehicle: String
        let otherVehicle: String
        let charger: String
        let entry: String
        let spareEntry: String
        let reservation: String
        let spareReservation: String
        let session: String
        let event: Int64
        let decision: String
    }

    let hochbahn: Objects
    let vhh: Objects

    static func make(_ api: APIHarness) async throws -> APIFixtures {
        let hochbahn = try await objects(
            api, token: APIHarness.hochbahnToken, tenant: "hochbahn", vehicles: ("hb-01", "hb-02"), charger: "DEMO-A01", token: "04A2B3C40001")
        let vhh = try await objects(
            api, token: APIHarness.vhhToken, tenant: "vhh", vehicles: ("vhh-01", "vhh-02"), charger: "DEMO-B01", token: "E28011600001")
        // One round of the depot's loop, so the plan and the stays' bay reservations exist.
        await api.server.controllers["demo"]?.tick()
        return APIFixtures(hochbahn: hochbahn, vhh: vhh)
    }

    private static func objects(
        _ api: APIHarness, token apiToken: String, tenant: String, vehicles: (String, String), charger: String, token idToken: String
    ) async throws -> Objects {
        func created(_ path: String, _ body: String) async throws -> String {
            let answer = try await api.request(.post, "/api/v1/depots/demo/\(path)", token: apiToken, body: body)
            #expect(answer.status == 201, "\(path): \(answer.body)")
            return try #require(answer.object["id"] as? String)
        }
        func stay(_ vehicle: String, from: Double) -> String {
            #"{"vehicle": "\#(vehicle)", "arrival": "\#(APIHarness.time(hours: from))", "departure": "\#(APIHarness.time(hours: from + 8))", "target_soc": 90}"#
        }
        func reservation(_ connector: Int, from: Double) -> String {
            #"{"vehicle": "\#(vehicles.0)", "charger": "\#(charger)", "connector": \#(connector), "from": "\#(APIHarness.time(hours: from))", "until": "\#(APIHarness.time(hours: from + 6))"}"#
        }
        let entry = try await created("timetable", stay(vehicles.0, from: 2))
        let spareEntry = try await created("timetable", stay(vehicles.1, from: 3))
        let reservationID = try await created("reservations", reservation(1, from: 2))
        let spareReservation = try await created("reservations", reservation(2, from: 2))

        let now = Date()
        let key = "tx-\(tenant)"
        _ = try await api.store.recordTransactionStart(
            depot: "demo", station: ChargerID(charger), key: .chosenByStation(key), connector: 1, idToken: idToken, startedAt: now - 3 * 3600,
            meterStart: 100, receivedAt: now - 3 * 3600)
        _ = try await api.store.recordTransactionStop(
            station: ChargerID(charger), transactionKey: key, stoppedAt: now - 3600, meterStop: 250, reason: "Local", receivedAt: now - 3600,
            frame: "[]")
        try await api.store.attributeTransaction(station: ChargerID(charger), key: key, vehicle: VehicleID(vehicles.0), tenant: TenantID(tenant))

        let incidentKey = "charger_offline|charger:\(charger)"
        let opening = try await api.store.openIncident(
            IncidentRecord(depotID: "demo", incidentKey: incidentKey, kind: "charger_offline", tenantID: tenant, raisedAt: now),
            entries: [
                OutboxEntryRecord(
                    id: UUID().uuidString, depotID: "demo", tenantID: tenant, eventKind: "charger_offline", incidentKey: incidentKey, stepIndex: 0,
                    channel: "email", recipient: "night@\(tenant).example", severity: "warning", subject: "\(charger) offline",
                    text: "\(charger) is offline", dueAt: now + 3600, firstDueAt: now + 3600, repeatSeconds: nil)
            ])
        guard case .opened(let incident) = opening else { throw APIFixtureFailure.incidentNotOpened }

        let decision = UUID()
        try await api.store.recordDecisions([
            PolicyDecisionRecord(
                id: decision, depot: "demo", domain: .enforcement, revision: "test-revision", now: now,
                input: #"{"ctx":{"now":1},"ev":{"kind":"wrong_vehicle","tenant":"\#(tenant)","vehicle":"\#(vehicles.0)"}}"#,
                output: #"{"action":"deny","reason":"reserved"}"#, reasons: ["reserved"], trace: #"{"bay":"kept"}"#, instructions: 120,
                memoryBytes: 2048, durationMicroseconds: 40, decidedBy: .policy, error: nil)
        ])
        return Objects(
            vehicle: vehicles.0, otherVehicle: vehicles.1, charger: charger, entry: entry, spareEntry: spareEntry, reservation: reservationID,
            spareReservation: spareReservation, session: "\(charger):\(key)", event: try #require(incident.id), decision: decision.uuidString)
    }
}

/// Why the fixtures could not be made.
enum APIFixtureFailure: Error {
    case incidentNotOpened
}
