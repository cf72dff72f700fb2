import DepotModel
import DepotRuntime
import HTTPTypes
import Notifications
import Storage

/// One depot as one caller may use it: an admin (`tenant == nil`) sees everything, a tenant its
/// own objects and the chargers it may charge at.
struct DepotAccess: Sendable {
    let tenant: TenantID?
    let depot: Depot
    let controller: DepotController
    let notifier: Notifier?
    let store: BusbarStore

    /// Whether an object owned by `owner` is the caller's to see.
    func sees(_ owner: TenantID?) -> Bool { tenant == nil || owner == tenant }

    /// Whether the caller may charge at the charger: an admin anywhere, a tenant inside its
    /// areas (everywhere when its tenant entry binds none, docs/depot-config.md `areas`).
    func mayUse(_ charger: Charger) -> Bool {
        guard let tenant else { return true }
        return depot.tenant(tenant)?.mayCharge(in: charger.area) ?? false
    }

    /// A vehicle of the caller's, else 404.
    func vehicle(_ id: VehicleID) throws -> Vehicle {
        guard let vehicle = depot.vehicle(id), sees(vehicle.tenant) else { throw ProblemDetails(.notFound, "no vehicle \(id)") }
        return vehicle
    }

    /// The notifier of the depot; every served depot has one.
    func requireNotifier() throws -> Notifier {
        guard let notifier else { throw ProblemDetails(.notFound, "depot \(depot.id) keeps no notifications") }
        return notifier
    }
}
