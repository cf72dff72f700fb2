public import Foundation

/// A static timetable line of the depot file: a vehicle that arrives and leaves at the same local
/// times on the given weekdays. `occurrence(arrivingOn:in:)` turns it into a dated `TimetableEntry`.
public struct DailyTimetableEntry: Hashable, Codable, Sendable {
    public let vehicle: VehicleID
    public let arrival: TimeOfDay
    /// Local departure; on the next day when not after the arrival.
    public let departure: TimeOfDay
    public let weekdays: Set<Weekday>
    public let arrivalSoC: Percent?
    public let targetSoC: Percent
    public let minTargetSoC: Percent?
    public let maxTargetSoC: Percent?
    /// The minimum the bus must leave with: `minTargetSoC`, else the target.
    public var minimumSoC: Percent { minTargetSoC ?? targetSoC }
    /// Where charging stops: `maxTargetSoC`, else the target.
    public var maximumSoC: Percent { maxTargetSoC ?? targetSoC }
    public let preconditioningStart: TimeOfDay?
    public let preconditioningMode: PreconditioningMode?
    public let bay: BayID?
    public let upstreamPriority: Int?
    public let adHocCharging: Bool

    public init(
        vehicle: VehicleID, arrival: TimeOfDay, departure: TimeOfDay, weekdays: Set<Weekday> = Set(Weekday.allCases),
        arrivalSoC: Percent? = nil, targetSoC: Percent, minTargetSoC: Percent? = nil, maxTargetSoC: Percent? = nil,
        preconditioningStart: TimeOfDay? = nil, preconditioningMode: PreconditioningMode? = nil, bay: BayID? = nil,
        upstreamPriority: Int? = nil, adHocCharging: Bool = false
    ) {
        self.vehicle = vehicle
        self.arrival = arrival
        self.departure = departure
        self.weekdays = weekdays
        self.arrivalSoC = arrivalSoC
        self.targetSoC = targetSoC
        self.minTargetSoC = minTargetSoC
        self.maxTargetSoC = maxTargetSoC
        self.preconditioningStart = preconditioningStart
        self.preconditioningMode = preconditioningMode
        self.bay = bay
        self.upstreamPriority = upstreamPriority
        self.adHocCharging = adHocCharging
    }

    /// The dated stay that arrives on `day`, or nil when the entry does not run that weekday.
    /// Times are placed by the DST rule of `LocalDate`; the pre-conditioning start is taken on the
    /// departure's side of midnight when it is not after the arrival.
    public func occurrence(arrivingOn day: LocalDate, tenant: TenantID, in timeZone: TimeZone) -> TimetableEntry? {
        guard weekdays.contains(Weekday(of: day)) else { return nil }
        let window = DailyWindow(from: arrival, to: departure)
        let stay = window.occurrence(startingOn: day, in: timeZone)
        let preconditioning = preconditioningStart.map { start -> PreconditioningRule in
            let startDay = window.crossesMidnight && start <= arrival ? day.adding(days: 1) : day
            return .automatic(
                mode: preconditioningMode ?? .hotWaterAndHeating,
                requestedStart: startDay.instant(at: start, in: timeZone),
                requestedFinish: stay.upperBound
            )
        }
        return TimetableEntry(
            id: TimetableEntryID("\(vehicle)@\(day)"), vehicle: vehicle, tenant: tenant,
            arrival: stay.lowerBound, departure: stay.upperBound, arrivalSoC: arrivalSoC, targetSoC: targetSoC,
            minTargetSoC: minTargetSoC, maxTargetSoC: maxTargetSoC, preconditioning: preconditioning, bay: bay,
            upstreamPriority: upstreamPriority, adHocCharging: adHocCharging, source: .depotFile
        )
    }
}
