public import DepotModel
public import Foundation

/// What a report is asked for: one depot, optionally one tenant or one vehicle, over a period.
/// Every report echoes it, so a number is never read without the scope it was computed for.
public struct ReportRequest: Sendable, Hashable {
    public let depot: DepotID
    public let tenant: TenantID?
    public let vehicle: VehicleID?
    /// The half-open period `[from, to)`.
    public let period: Range<Date>

    public init(depot: DepotID, tenant: TenantID? = nil, vehicle: VehicleID? = nil, period: Range<Date>) {
        self.depot = depot
        self.tenant = tenant
        self.vehicle = vehicle
        self.period = period
    }

    /// The default period: the 24 hours before `now`.
    public static func lastDay(before now: Date) -> Range<Date> { now.addingTimeInterval(-86_400)..<now }

    /// The period's length in hours.
    public var hours: Double { period.upperBound.timeIntervalSince(period.lowerBound) / 3_600 }

    /// Whether a session of this tenant and vehicle is in scope.
    func includes(tenant: TenantID?, vehicle: VehicleID?) -> Bool {
        (self.tenant == nil || self.tenant == tenant) && (self.vehicle == nil || self.vehicle == vehicle)
    }
}
