import DepotModel
import Foundation

/// Finds the planned stay a session served: the vehicle's stay (stored, or from the depot file's
/// timetable) that had begun by an hour after the session started and had not yet departed,
/// the earliest departure first. Buses often plug in a little before their planned arrival.
struct StayLookup: Sendable {
    let depot: Depot
    let stored: [TimetableEntry]

    /// Tolerance for a bus that plugs in before its planned arrival.
    static let earlyArrival: TimeInterval = 3_600

    func stay(of vehicle: VehicleID, startedAt start: Date) -> TimetableEntry? {
        let tenant = depot.vehicle(vehicle)?.tenant
        let day = LocalDate(containing: start, in: depot.timeZone)
        let fromFile =
            tenant.map { tenant in
                depot.timetable.filter { $0.vehicle == vehicle }.flatMap { line in
                    [day.adding(days: -1), day, day.adding(days: 1)].compactMap {
                        line.occurrence(arrivingOn: $0, tenant: tenant, in: depot.timeZone)
                    }
                }
            } ?? []
        return (stored.filter { $0.vehicle == vehicle } + fromFile)
            .filter { $0.arrival.addingTimeInterval(-Self.earlyArrival) <= start && start < $0.departure }
            .min { $0.departure < $1.departure }
    }
}
