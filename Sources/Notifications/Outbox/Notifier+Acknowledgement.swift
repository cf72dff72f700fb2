public import DepotModel
public import Foundation
public import Storage

extension Notifier {
    /// Acknowledges an incident by its id, as the REST API names it: stops its ladder like
    /// ``acknowledge(_:by:at:)``.
    /// - Parameter tenant: the caller's tenant; an incident of another tenant is not found.
    /// - Returns: the incident after the acknowledgement, nil when the caller does not see it,
    ///   unchanged (status `resolved`) when it was resolved before.
    public func acknowledge(incident id: Int64, tenant: TenantID?, by person: String, at instant: Date) async throws -> IncidentRecord? {
        guard let incident = try await store.incident(depot: depot.id, id: id, tenant: tenant) else { return nil }
        guard incident.status != .resolved else { return incident }
        return try await store.acknowledgeIncident(depot: depot.id, key: incident.incidentKey, by: person, at: instant) ?? incident
    }
}
