public import DepotModel
public import Foundation

/// `ev` of an `enforcement` call: a reservation or access rule at stake. `kind` names the policy
/// function called (`M.wrong_vehicle(ctx, ev)`); `tenant` is pushed as the tenant's view.
public struct EnforcementEvent: Codable, Sendable, Hashable {
    /// The enforcement events of docs/policy-api.md.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case wrongVehicle = "wrong_vehicle"
        case bufferStart = "buffer_start"
        case noShow = "no_show"
        case departureReached = "departure_reached"
        case unknownToken = "unknown_token"
        case areaDenied = "area_denied"
    }

    public var kind: Kind
    public var tenant: TenantID?
    public var vehicle: VehicleID?
    public var expectedVehicle: VehicleID?
    public var charger: ChargerID?
    public var connectorId: Int?
    public var area: AreaID?
    public var reservation: ReservationID?
    public var reservedFrom: Date?
    public var reservedUntil: Date?
    public var departure: Date?
    public var token: String?

    public init(
        kind: Kind, tenant: TenantID? = nil, vehicle: VehicleID? = nil, expectedVehicle: VehicleID? = nil,
        charger: ChargerID? = nil, connectorId: Int? = nil, area: AreaID? = nil, reservation: ReservationID? = nil,
        reservedFrom: Date? = nil, reservedUntil: Date? = nil, departure: Date? = nil, token: String? = nil
    ) {
        self.kind = kind
        self.tenant = tenant
        self.vehicle = vehicle
        self.expectedVehicle = expectedVehicle
        self.charger = charger
        self.connectorId = connectorId
        self.area = area
        self.reservation = reservation
        self.reservedFrom = reservedFrom
        self.reservedUntil = reservedUntil
        self.departure = departure
        self.token = token
    }
}
