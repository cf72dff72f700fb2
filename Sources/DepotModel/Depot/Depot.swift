public import Foundation

/// One depot as its file declares it: the validated, immutable picture that the runtime, the
/// solver and the policies share. Build it through `DepotConfig`, which checks every reference.
public struct Depot: Hashable, Codable, Sendable, Identifiable {
    public let id: DepotID
    public let name: String
    /// The zone all times of day (blocks, timetables) are read in.
    public let timeZone: TimeZone
    public let grid: GridConnection
    public let circuits: [Circuit]
    public let areas: [Area]
    public let chargers: [Charger]
    public let tenants: [Tenant]
    public let vehicles: [Vehicle]
    public let timetable: [DailyTimetableEntry]
    public let reservations: ReservationSettings
    public let policies: PolicyFiles?
    public let notifications: NotificationSettings
    /// How VDV 261 fields the public material leaves open are encoded (docs/vdv.md B6).
    public let vdv261: VDV261Encodings

    public init(
        id: DepotID, name: String, timeZone: TimeZone, grid: GridConnection, circuits: [Circuit] = [], areas: [Area] = [],
        chargers: [Charger] = [], tenants: [Tenant] = [], vehicles: [Vehicle] = [], timetable: [DailyTimetableEntry] = [],
        reservations: ReservationSettings = ReservationSettings(), policies: PolicyFiles? = nil,
        notifications: NotificationSettings = NotificationSettings(), vdv261: VDV261Encodings = VDV261Encodings()
    ) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.grid = grid
        self.circuits = circuits
        self.areas = areas
        self.chargers = chargers
        self.tenants = tenants
        self.vehicles = vehicles
        self.timetable = timetable
        self.reservations = reservations
        self.policies = policies
        self.notifications = notifications
        self.vdv261 = vdv261
    }

    public func charger(_ id: ChargerID) -> Charger? { chargers.first { $0.id == id } }
    public func circuit(_ id: CircuitID) -> Circuit? { circuits.first { $0.id == id } }
    public func tenant(_ id: TenantID) -> Tenant? { tenants.first { $0.id == id } }
    public func vehicle(_ id: VehicleID) -> Vehicle? { vehicles.first { $0.id == id } }

    /// The vehicle a token identifies, if any.
    public func vehicle(identifiedBy token: String) -> Vehicle? { vehicles.first { $0.isIdentified(by: token) } }

    /// The connector that serves a bay.
    public func connector(servingBay bay: BayID) -> ConnectorAddress? {
        for charger in chargers {
            if let connector = charger.connectors.first(where: { $0.bay == bay }) {
                return ConnectorAddress(charger: charger.id, connector: connector.number)
            }
        }
        return nil
    }

    /// All connectors of the depot, in file order.
    public var connectorAddresses: [ConnectorAddress] {
        chargers.flatMap { charger in charger.connectors.map { ConnectorAddress(charger: charger.id, connector: $0.number) } }
    }
}
