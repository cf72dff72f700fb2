public import Foundation

/// One planned stay of a vehicle at the depot: when it comes, when it must leave, and how charged.
///
/// Targets follow VDV 463: `minTargetSoC` must be reached (the planner's "must" energy),
/// `maxTargetSoC` is what the operator would like ("want"); `targetSoC` is the single target of
/// simple timetables and lies between them.
public struct TimetableEntry: Hashable, Codable, Sendable, Identifiable {
    public let id: TimetableEntryID
    public let vehicle: VehicleID
    public let tenant: TenantID
    public let arrival: Date
    public let departure: Date
    /// SoC expected on arrival when the upstream system knows it.
    public let arrivalSoC: Percent?
    public let targetSoC: Percent
    public let minTargetSoC: Percent
    public let maxTargetSoC: Percent
    public let preconditioning: PreconditioningRule?
    /// A fixed bay; nil lets Busbar assign one.
    public let bay: BayID?
    /// VDV 463 `priority`, passed to policies unchanged (its ordering meaning is unconfirmed).
    public let upstreamPriority: Int?
    /// VDV 463 `adHocCharging`, passed to policies unchanged.
    public let adHocCharging: Bool
    public let source: TimetableSource

    public init(
        id: TimetableEntryID, vehicle: VehicleID, tenant: TenantID, arrival: Date, departure: Date,
        arrivalSoC: Percent? = nil, targetSoC: Percent, minTargetSoC: Percent? = nil, maxTargetSoC: Percent? = nil,
        preconditioning: PreconditioningRule? = nil, bay: BayID? = nil, upstreamPriority: Int? = nil,
        adHocCharging: Bool = false, source: TimetableSource
    ) {
        self.id = id
        self.vehicle = vehicle
        self.tenant = tenant
        self.arrival = arrival
        self.departure = departure
        self.arrivalSoC = arrivalSoC
        self.targetSoC = targetSoC
        self.minTargetSoC = minTargetSoC ?? targetSoC
        self.maxTargetSoC = maxTargetSoC ?? targetSoC
        self.preconditioning = preconditioning
        self.bay = bay
        self.upstreamPriority = upstreamPriority
        self.adHocCharging = adHocCharging
        self.source = source
    }

    /// The length of the stay.
    public var dwell: Duration { .seconds(departure.timeIntervalSince(arrival)) }
}
