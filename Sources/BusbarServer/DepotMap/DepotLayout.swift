import DepotModel
import Foundation

/// What the live map draws from the depot file: areas, chargers at their map positions with
/// their connectors and bays, the grid's blocks and the tenants the caller may see. A tenant's
/// layout holds only the areas it may charge in (all of them when it is not bound to areas) and
/// only itself among the tenants, so the page never receives another tenant's part.
struct DepotLayout: Encodable, Sendable {
    /// A hall or yard; `use` is `public` where a public tenant charges, else `fleet`.
    struct MapArea: Encodable, Sendable {
        let id: AreaID
        let name: String
        let use: TenantClass
    }

    /// A charger; `map` is nil where the depot file gives no position (the page places it).
    struct MapCharger: Encodable, Sendable {
        let id: ChargerID
        let area: AreaID?
        let map: MapPosition?
        let connectors: [MapConnector]
    }

    /// One outlet and the bay it serves.
    struct MapConnector: Encodable, Sendable {
        let id: Int
        let bay: BayID?
        let maxKw: Double
    }

    /// A tenant as the map labels and marks its vehicles.
    struct MapTenant: Encodable, Sendable {
        let id: TenantID
        let name: String
        let `class`: TenantClass
    }

    /// A tariff block and its import limit, for the chart's legend.
    struct MapBlock: Encodable, Sendable {
        let name: String
        let from: String
        let to: String
        let limitKw: Double
    }

    let depot: DepotID
    /// The tenant whose part this is; nil for the whole depot.
    let tenant: TenantID?
    let name: String
    let timezone: String
    let connectionKw: Double
    let safetyMarginKw: Double
    let blocks: [MapBlock]
    let areas: [MapArea]
    let chargers: [MapCharger]
    let tenants: [MapTenant]

    /// - Parameter tenant: the caller's tenant; nil for an admin, who sees the whole depot.
    init(depot: Depot, tenant: TenantID?) {
        let scope = tenant.flatMap(depot.tenant)
        let visibleAreas = Self.areas(visibleTo: scope)
        let publicAreas = Set(depot.tenants.filter { $0.tenantClass == .public }.flatMap(\.areas))
        self.depot = depot.id
        self.tenant = scope?.id
        name = depot.name
        timezone = depot.timeZone.identifier
        connectionKw = depot.grid.connectionLimit.value
        safetyMarginKw = depot.grid.safetyMargin.value
        blocks = depot.grid.blocks.map {
            MapBlock(name: $0.name, from: $0.window.from.description, to: $0.window.to.description, limitKw: $0.limit.value)
        }
        areas = depot.areas.filter { visibleAreas?.contains($0.id) ?? true }.map {
            MapArea(id: $0.id, name: $0.name, use: publicAreas.contains($0.id) ? .public : .fleet)
        }
        chargers = Self.chargers(visibleTo: scope, in: depot).map { charger in
            MapCharger(
                id: charger.id, area: charger.area, map: charger.mapPosition,
                connectors: charger.connectors.map { MapConnector(id: $0.number, bay: $0.bay, maxKw: $0.maxPower.value) })
        }
        tenants = depot.tenants.filter { tenant == nil || $0.id == tenant }.map { MapTenant(id: $0.id, name: $0.name, class: $0.tenantClass) }
    }

    /// The areas a tenant may charge in; nil when it sees every area (admin, or a tenant not bound to areas).
    private static func areas(visibleTo tenant: Tenant?) -> Set<AreaID>? {
        guard let tenant, !tenant.areas.isEmpty else { return nil }
        return Set(tenant.areas)
    }

    /// The chargers in the areas the tenant sees.
    static func chargers(visibleTo tenant: Tenant?, in depot: Depot) -> [Charger] {
        guard let areas = areas(visibleTo: tenant) else { return depot.chargers }
        return depot.chargers.filter { $0.area.map(areas.contains) ?? false }
    }
}
