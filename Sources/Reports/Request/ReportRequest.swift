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

    /// Reads a period bound as the CLI and the API accept it: ISO 8601 with a zone, with or
    /// without fractional seconds (`2026-11-24T22:00:00Z`, `2026-11-24T23:00:00+01:00`).
    public static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: text)
    }

    /// The period's length in hours.
    public var hours: Double { period.upperBound.timeIntervalSince(period.lowerBound) / 3_600 }

    /// Whether a session of this tenant and vehicle is in scope.
    func includes(tenant: TenantID?, vehicle: VehicleID?) -> Bool {
        (self.tenant == nil || self.tenant == tenant) && (self.vehicle == nil || self.vehicle == vehicle)
    }
}
