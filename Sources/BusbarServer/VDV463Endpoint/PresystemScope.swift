import DepotModel
import VDV

/// What one presystem may see and request (docs/vdv.md A2): its tenant's vehicles and the points in its
/// tenant's areas, with the wire ids of docs/vdv.md A6 (`DEPOT/STATION/POINT`).
///
/// The adapter maps wire types to domain values here and nowhere else.
struct PresystemScope: Sendable {
    let presystemID: String
    let depot: Depot
    let tenant: Tenant

    /// The chargers whose points the presystem sees, in file order.
    var chargers: [Charger] { depot.chargers.filter { tenant.mayCharge(in: $0.area) } }

    /// The wire id of a station.
    func stationID(_ charger: ChargerID) -> String { "\(depot.id)/\(charger)" }

    /// The wire id of a point.
    func pointID(_ address: ConnectorAddress) -> String { "\(depot.id)/\(address.charger)/\(address.connector)" }

    /// The connector behind a point id, among all the depot's points.
    func connector(pointID: String) -> ConnectorAddress? {
        depot.connectorAddresses.first { self.pointID($0) == pointID }
    }

    /// The vehicle a request names: by VIN (the VDV 261 id, docs/vdv.md A6) or by Busbar's vehicle id,
    /// only among the tenant's vehicles.
    func vehicle(wireID: String) -> Vehicle? {
        depot.vehicles.first { $0.tenant == tenant.id && ($0.vin == wireID || $0.id.rawValue == wireID) }
    }

    /// The id the presystem knows a vehicle by: its VIN when configured.
    func wireID(_ vehicle: VehicleID) -> String { depot.vehicle(vehicle)?.vin ?? vehicle.rawValue }

    /// The points and vehicles the session judges requests against.
    var context: VDV463.ChargingRequestContext {
        let available = chargers.flatMap { charger in charger.connectors.map { ConnectorAddress(charger: charger.id, connector: $0.number) } }
        let vehicles = depot.vehicles.filter { $0.tenant == tenant.id }
        return VDV463.ChargingRequestContext(
            chargingPointIds: Set(depot.connectorAddresses.map(pointID)), availableChargingPointIds: Set(available.map(pointID)),
            vehicleIds: Set(vehicles.flatMap { [$0.id.rawValue] + ($0.vin.map { [$0] } ?? []) }))
    }
}
