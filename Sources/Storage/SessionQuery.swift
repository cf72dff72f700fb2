public import DepotModel
public import Foundation

/// Which finished sessions the REST API asks for; the tenant is required (nil only for an admin
/// caller), as docs/reliability.md §4.2 asks of every storage read.
public struct SessionQuery: Sendable, Hashable {
    /// The caller's tenant; nil reads every tenant's sessions (admin).
    public var tenant: TenantID?
    /// Only this vehicle's sessions.
    public var vehicle: VehicleID?
    /// Only sessions at this charger.
    public var station: ChargerID?
    /// Sessions that started at or after `from` and before `until`.
    public var from: Date?
    public var until: Date?
    /// At most this many, newest first.
    public var limit: Int

    /// A query; only `tenant` narrows by default.
    public init(tenant: TenantID?, vehicle: VehicleID? = nil, station: ChargerID? = nil, from: Date? = nil, until: Date? = nil, limit: Int = 100) {
        self.tenant = tenant
        self.vehicle = vehicle
        self.station = station
        self.from = from
        self.until = until
        self.limit = limit
    }
}
