public import DepotModel
import Foundation

extension DepotController {
    /// The stays the caller sees (all for an admin), arrival order: the depot file's, the API's and
    /// the upstream systems'.
    public func timetable(tenant: TenantID?) -> [TimetableEntry] {
        entries.values.filter { tenant == nil || $0.tenant == tenant }.sorted { ($0.arrival, $0.id) < ($1.arrival, $1.id) }
    }

    /// Adds API stays, or replaces API stays with the same ids, all or none; stored before the
    /// plan changes.
    /// - Throws: `RuntimeError.conflict` when an id belongs to a stay of another source,
    ///   `.invalid` for a vehicle that is not its tenant's or a departure not after the arrival.
    public func saveTimetableEntries(_ changed: [TimetableEntry]) async throws {
        for entry in changed {
            if let existing = entries[entry.id], existing.source != .api {
                throw RuntimeError.conflict("timetable entry \(entry.id) comes from \(existing.source) and can only be changed there")
            }
        }
        var api = entries.values.filter { $0.source == .api }
        let ids = Set(changed.map(\.id))
        api.removeAll { ids.contains($0.id) }
        try await replaceTimetable(api + changed, source: .api)
    }

    /// Removes an API stay (and the reservation of its bay).
    /// - Throws: `RuntimeError.notFound` for a stay the tenant does not see, `.conflict` for a stay
    ///   of the depot file or an upstream system.
    public func removeTimetableEntry(_ id: TimetableEntryID, tenant: TenantID?) async throws {
        guard let entry = entries[id], tenant == nil || entry.tenant == tenant else { throw RuntimeError.notFound("timetable entry \(id)") }
        guard entry.source == .api else {
            throw RuntimeError.conflict("timetable entry \(id) comes from \(entry.source) and can only be changed there")
        }
        try await replaceTimetable(entries.values.filter { $0.source == .api && $0.id != id }, source: .api)
    }
}
