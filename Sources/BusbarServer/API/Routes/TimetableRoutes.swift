import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird

/// Timetable entries (stays): `GET/POST …/timetable`, `GET/PUT/DELETE …/timetable/{entryId}` and
/// the CSV import `POST …/timetable/import?mode=all|valid`. Entries created here are API stays:
/// they go through the depot runtime (stored, then planned); stays of the depot file or an
/// upstream system are listed but only changed at their source (409).
struct TimetableRoutes: Sendable {
    let environment: APIEnvironment

    /// A stay as the API shows it.
    struct EntryView: Encodable {
        let id: String
        let vehicle: String
        let tenant: String
        let arrival: Date
        let departure: Date
        let arrivalSoc: Double?
        let targetSoc: Double
        let minTargetSoc: Double
        let maxTargetSoc: Double
        let bay: String?
        let source: String

        init(_ entry: TimetableEntry) {
            id = entry.id.rawValue
            vehicle = entry.vehicle.rawValue
            tenant = entry.tenant.rawValue
            arrival = entry.arrival
            departure = entry.departure
            arrivalSoc = entry.arrivalSoC?.value
            targetSoc = entry.targetSoC.value
            minTargetSoc = entry.minTargetSoC.value
            maxTargetSoc = entry.maxTargetSoC.value
            bay = entry.bay?.rawValue
            source =
                switch entry.source {
                case .depotFile: "depot_file"
                case .api: "api"
                case .vdv463: "vdv463"
                }
        }
    }

    /// The body of a new or replaced stay (also one CSV row).
    struct EntryInput: Decodable {
        let vehicle: String
        let arrival: Date
        let departure: Date
        let targetSoc: Double
        let minTargetSoc: Double?
        let maxTargetSoc: Double?
        let arrivalSoc: Double?
        let bay: String?

        /// The validated stay: the caller's vehicle (404), a bay it may use (404), a departure
        /// after the arrival and SoCs within 0–100 with min ≤ target ≤ max (422).
        func entry(id: TimetableEntryID, access: DepotAccess) throws -> TimetableEntry {
            let vehicle = try access.vehicle(VehicleID(self.vehicle))
            if let bay {
                guard let address = access.depot.connector(servingBay: BayID(bay)), let charger = access.depot.charger(address.charger),
                    access.mayUse(charger)
                else { throw ProblemDetails(.notFound, "no bay \(bay)") }
            }
            guard departure > arrival else { throw ProblemDetails(.unprocessableContent, "departure must be after arrival") }
            let socs = [("target_soc", targetSoc), ("min_target_soc", minTargetSoc), ("max_target_soc", maxTargetSoc), ("arrival_soc", arrivalSoc)]
            for case (let name, let value?) in socs where !(0...100).contains(value) {
                throw ProblemDetails(.unprocessableContent, "\(name) must be between 0 and 100")
            }
            guard (minTargetSoc ?? targetSoc) <= targetSoc, targetSoc <= (maxTargetSoc ?? targetSoc) else {
                throw ProblemDetails(.unprocessableContent, "min_target_soc ≤ target_soc ≤ max_target_soc is required")
            }
            return TimetableEntry(
                id: id, vehicle: vehicle.id, tenant: vehicle.tenant, arrival: arrival, departure: departure,
                arrivalSoC: arrivalSoc.map { Percent($0) },
                targetSoC: Percent(targetSoc), minTargetSoC: minTargetSoc.map { Percent($0) }, maxTargetSoC: maxTargetSoc.map { Percent($0) },
                bay: bay.map { BayID($0) }, source: .api)
        }
    }

    /// The answer of an import.
    struct ImportAnswer: Encodable {
        struct RowError: Encodable {
            let line: Int
            let reason: String
        }
        let imported: [String]
        let errors: [RowError]
    }

    static func newID() -> TimetableEntryID { TimetableEntryID("api-\(UUID().uuidString.lowercased())") }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/timetable") { request, context in
            let access = try await environment.depot(request, context)
            return try APIJSON.response(["entries": await access.controller.timetable(tenant: access.tenant).map(EntryView.init)])
        }
        api.on(.post, "/api/v1/depots/{depotId}/timetable") { request, context in
            let access = try await environment.depot(request, context)
            let entry = try await APIJSON.body(EntryInput.self, of: request).entry(id: Self.newID(), access: access)
            try await access.controller.saveTimetableEntries([entry])
            return try APIJSON.response(EntryView(entry), status: .created)
        }
        api.on(.get, "/api/v1/depots/{depotId}/timetable/{entryId}") { request, context in
            let access = try await environment.depot(request, context)
            return try APIJSON.response(EntryView(try await existing(access, context)))
        }
        api.on(.put, "/api/v1/depots/{depotId}/timetable/{entryId}") { request, context in
            let access = try await environment.depot(request, context)
            let current = try await existing(access, context)
            let entry = try await APIJSON.body(EntryInput.self, of: request).entry(id: current.id, access: access)
            try await access.controller.saveTimetableEntries([entry])
            return try APIJSON.response(EntryView(entry))
        }
        api.on(.delete, "/api/v1/depots/{depotId}/timetable/{entryId}") { request, context in
            let access = try await environment.depot(request, context)
            try await access.controller.removeTimetableEntry(TimetableEntryID(context.parameters.get("entryId") ?? ""), tenant: access.tenant)
            return Response(status: .noContent)
        }
        api.on(.post, "/api/v1/depots/{depotId}/timetable/import") { request, context in
            let access = try await environment.depot(request, context)
            let mode = try APIJSON.choice("mode", of: request, allowed: ["all", "valid"]) ?? "all"
            guard request.headers[.contentType]?.lowercased().hasPrefix("text/csv") ?? false else {
                throw ProblemDetails(.unsupportedMediaType, "the import takes text/csv")
            }
            let body = try await request.body.collect(upTo: 4 << 20)
            let rows = try TimetableCSV.rows(String(decoding: body.readableBytesView, as: UTF8.self))
            var entries: [TimetableEntry] = []
            var errors: [ProblemDetails.Item] = []
            for row in rows {
                do {
                    entries.append(try row.input.get().entry(id: Self.newID(), access: access))
                } catch let problem as ProblemDetails {
                    errors.append(ProblemDetails.Item(line: row.line, reason: problem.title))
                }
            }
            if mode == "all", !errors.isEmpty {
                throw ProblemDetails(
                    .unprocessableContent, "\(errors.count) of \(rows.count) rows are invalid; nothing was imported", errors: errors)
            }
            try await access.controller.saveTimetableEntries(entries)
            return try APIJSON.response(
                ImportAnswer(imported: entries.map(\.id.rawValue), errors: errors.map { .init(line: $0.line, reason: $0.reason) }),
                status: errors.isEmpty ? .created : .ok)
        }
    }

    /// The stay of the path's `entryId` if the caller sees it, else 404.
    private func existing(_ access: DepotAccess, _ context: BusbarRequestContext) async throws -> TimetableEntry {
        let id = TimetableEntryID(context.parameters.get("entryId") ?? "")
        guard let entry = await access.controller.timetable(tenant: access.tenant).first(where: { $0.id == id }) else {
            throw ProblemDetails(.notFound, "no timetable entry \(id)")
        }
        return entry
    }
}
