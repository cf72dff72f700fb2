public import DepotModel
public import Foundation

/// One session or planned arrival as the `priority` policy sees it (`ctx.sessions[i]`). `tenant`
/// is the tenant's id here and in snapshots; policies get the tenant's view table in its place.
public struct SessionView: Codable, Sendable, Hashable {
    public var id: ChargingSessionID
    public var vehicle: VehicleView
    public var tenant: TenantID
    public var connector: ConnectorView
    public var soc: Percent
    public var targetSoc: Percent
    public var minTargetSoc: Percent?
    public var energyNeededKwh: KilowattHours
    public var arrival: Date?
    /// Nil when the departure is unknown.
    public var departure: Date?
    /// Minutes to reach the target at the connector's maximum power.
    public var minutesToTarget: Double?
    public var pluggedSince: Date?
    public var reserved: Bool
    /// True for an arrival that is not yet plugged in.
    public var planned: Bool
    /// True when the plan predicts a missed departure.
    public var late: Bool

    public init(
        id: ChargingSessionID, vehicle: VehicleView, tenant: TenantID, connector: ConnectorView, soc: Percent,
        targetSoc: Percent, minTargetSoc: Percent? = nil, energyNeededKwh: KilowattHours, arrival: Date? = nil,
        departure: Date? = nil, minutesToTarget: Double? = nil, pluggedSince: Date? = nil, reserved: Bool = false,
        planned: Bool = false, late: Bool = false
    ) {
        self.id = id
        self.vehicle = vehicle
        self.tenant = tenant
        self.connector = connector
        self.soc = soc
        self.targetSoc = targetSoc
        self.minTargetSoc = minTargetSoc
        self.energyNeededKwh = energyNeededKwh
        self.arrival = arrival
        self.departure = departure
        self.minutesToTarget = minutesToTarget
        self.pluggedSince = pluggedSince
        self.reserved = reserved
        self.planned = planned
        self.late = late
    }
}
