public import DepotModel
public import Foundation

/// `v` of a `preconditioning.plan(ctx, v)` call: the vehicle, its departure, the timetable's
/// pre-conditioning request and what the vehicle reported over VDV 261 (seconds it needs).
public struct PreconditioningVehicleView: Codable, Sendable, Hashable {
    public var vehicle: VehicleView
    public var tenant: TenantID?
    public var departure: Date
    public var ambientC: Double?
    public var soc: Percent?
    /// The mode the timetable asks for, if any.
    public var requestedMode: PreconditioningMode?
    public var requestedStart: Date?
    public var requestedFinish: Date?
    /// VDV 261: seconds the battery and the cabin need to pre-condition.
    public var batReqtime: Int?
    public var precReqtime: Int?
    /// VDV 261: Wh the battery needs (pre-conditioning included) and the cabin pre-conditioning needs.
    public var batEamount: Int?
    public var precEamount: Int?

    public init(
        vehicle: VehicleView, tenant: TenantID? = nil, departure: Date, ambientC: Double? = nil, soc: Percent? = nil,
        requestedMode: PreconditioningMode? = nil, requestedStart: Date? = nil, requestedFinish: Date? = nil,
        batReqtime: Int? = nil, precReqtime: Int? = nil, batEamount: Int? = nil, precEamount: Int? = nil
    ) {
        self.vehicle = vehicle
        self.tenant = tenant
        self.departure = departure
        self.ambientC = ambientC
        self.soc = soc
        self.requestedMode = requestedMode
        self.requestedStart = requestedStart
        self.requestedFinish = requestedFinish
        self.batReqtime = batReqtime
        self.precReqtime = precReqtime
        self.batEamount = batEamount
        self.precEamount = precEamount
    }
}
