import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird

/// Reservations: `GET/POST …/reservations`, `DELETE …/reservations/{reservationId}` and the
/// operator override `POST …/reservations/{reservationId}/override`. A stay with a bay derives its
/// own reservation (listed, overridable, ended by changing the stay); API reservations hold a
/// connector for a vehicle from `from` (the bay is held from the depot's buffer before) to `until`.
///
/// An override lifts the reservation's enforcement: it blocks no other vehicle any more (no
/// `buffer_start` or `wrong_vehicle` decision, no `no_show`), a session held for it is released,
/// and it stays listed with `overridden: true`.
struct ReservationRoutes: Sendable {
    let environment: APIEnvironment

    /// A reservation as the API shows it.
    struct ReservationView: Encodable {
        let id: String
        let tenant: String
        let vehicle: String
        let charger: String
        let connector: Int
        let heldFrom: Date
        let until: Date
        let status: String
        let timetableEntry: String?
        let overridden: Bool

        init(_ reservation: Reservation, overridden: Bool) {
            id = reservation.id.rawValue
            tenant = reservation.tenant.rawValue
            vehicle = reservation.vehicle.rawValue
            charger = reservation.connector.charger.rawValue
            connector = reservation.connector.connector
            heldFrom = reservation.window.lowerBound
            until = reservation.window.upperBound
            status = reservation.status.rawValue
            timetableEntry = reservation.timetableEntry?.rawValue
            self.overridden = overridden
        }
    }

    /// The body of a new reservation.
    struct ReservationInput: Decodable {
        let vehicle: String
        let charger: String
        let connector: Int
        let from: Date
        let until: Date
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/depots/{depotId}/reservations") { request, context in
            let access = try await environment.depot(request, context)
            let list = await access.controller.reservationList(tenant: access.tenant)
            return try APIJSON.response(["reservations": list.map { ReservationView($0.reservation, overridden: $0.overridden) }])
        }
        api.on(.post, "/api/v1/depots/{depotId}/reservations") { request, context in
            let access = try await environment.depot(request, context)
            let input = try await APIJSON.body(ReservationInput.self, of: request)
            let vehicle = try access.vehicle(VehicleID(input.vehicle))
            guard input.until > input.from else { throw ProblemDetails(.unprocessableContent, "until must be after from") }
            let buffer = access.depot.reservations.buffer.secondsValue
            let reservation = Reservation(
                id: ReservationID("api-\(UUID().uuidString.lowercased())"), tenant: vehicle.tenant, vehicle: vehicle.id,
                connector: ConnectorAddress(charger: ChargerID(input.charger), connector: input.connector),
                window: input.from.addingTimeInterval(-buffer)..<input.until)
            try await access.controller.reserve(reservation)
            return try APIJSON.response(ReservationView(reservation, overridden: false), status: .created)
        }
        api.on(.delete, "/api/v1/depots/{depotId}/reservations/{reservationId}") { request, context in
            let access = try await environment.depot(request, context)
            try await access.controller.cancelReservation(ReservationID(context.parameters.get("reservationId") ?? ""), tenant: access.tenant)
            return Response(status: .noContent)
        }
        api.on(.post, "/api/v1/depots/{depotId}/reservations/{reservationId}/override") { request, context in
            let access = try await environment.depot(request, context)
            let id = ReservationID(context.parameters.get("reservationId") ?? "")
            try await access.controller.overrideReservation(id, tenant: access.tenant)
            guard let entry = await access.controller.reservationList(tenant: access.tenant).first(where: { $0.reservation.id == id }) else {
                throw ProblemDetails(.notFound, "no reservation \(id)")
            }
            return try APIJSON.response(ReservationView(entry.reservation, overridden: entry.overridden))
        }
    }
}
