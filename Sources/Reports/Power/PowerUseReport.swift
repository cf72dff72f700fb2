public import DepotModel
import Foundation
public import Storage

/// Charging power of the depot as a 15-minute series: peak, average, energy and cost per block,
/// compliance with the grid limit and each tenant's peak against its budget.
public struct PowerUseReport: Report {
    public static let name = "power"
    public static let notes = [
        "Power is what Busbar's charging sessions drew, from their energy meter readings; other site loads are not included.",
        "Energy between two readings is taken as spread evenly over that time; average_kw = energy_kwh / interval length.",
        "Intervals are the quarter hours of the clock, cut at the period's edges; limit_kw is the lowest limit in force during the interval.",
        "Tenant peaks are each tenant's highest 15-minute average, compared with its power_budget_kw.",
    ]

    /// The interval length: the quarter hour grid operators bill peaks on.
    static let interval: TimeInterval = 900

    public let request: ReportRequest
    public let rows: [PowerIntervalRow]
    /// One entry per block of the depot file, in file order (JSON `totals.blocks`).
    public let blocks: [BlockUse]
    /// One entry per tenant in scope (JSON `totals.tenants`).
    public let tenants: [TenantPeak]

    /// Computes the report from stored records and the depot's grid connection and tenants.
    public init(request: ReportRequest, depot: Depot, records: ReportRecords) {
        self.request = request
        let facts = TransactionFacts.all(records).filter { request.includes(tenant: $0.tenant, vehicle: $0.vehicle) }
        let windows = Self.intervals(of: request.period)
        let grid = depot.grid
        let rows = windows.map { window in
            let energy = facts.reduce(0) { $0 + $1.kilowattHours(in: window) }
            let average = energy / (window.seconds / 3_600)
            let limit = min(
                grid.limit(at: window.lowerBound, in: depot.timeZone), grid.limit(at: window.upperBound.addingTimeInterval(-1), in: depot.timeZone))
            return PowerIntervalRow(
                start: window.lowerBound, end: window.upperBound, block: grid.block(at: window.lowerBound, in: depot.timeZone)?.name,
                energyKilowattHours: energy, averageKilowatts: average, limitKilowatts: limit.value, excessKilowatts: max(0, average - limit.value))
        }
        self.rows = rows
        let segments = grid.blockSegments(covering: request.period, in: depot.timeZone)
        blocks = grid.blocks.map { block in
            let own = segments.filter { $0.block == block }
            return BlockUse(
                block: block.name,
                energyKilowattHours: facts.reduce(0) { sum, fact in sum + own.reduce(0) { $0 + fact.kilowattHours(in: $1.interval) } },
                pricePerKilowattHour: block.pricePerKilowattHour, limitKilowatts: min(block.limit, grid.connectionLimit).value,
                intervalsOverLimit: rows.filter { $0.block == block.name && $0.excessKilowatts > 0 }.count)
        }
        tenants = depot.tenants.filter { request.tenant == nil || request.tenant == $0.id }.map { tenant in
            let own = facts.filter { $0.tenant == tenant.id }
            let peak = windows.map { window in own.reduce(0) { $0 + $1.kilowattHours(in: window) } / (window.seconds / 3_600) }.max() ?? 0
            return TenantPeak(
                tenant: tenant.id, energyKilowattHours: own.reduce(0) { $0 + $1.kilowattHours(in: request.period) }, peakKilowatts: peak,
                budgetKilowatts: tenant.powerBudget?.value)
        }
    }

    public var totals: [ReportField] {
        let energy = rows.reduce(0) { $0 + $1.energyKilowattHours }
        let peak = rows.max { $0.averageKilowatts < $1.averageKilowatts }
        let over = rows.filter { $0.excessKilowatts > 0 }
        return [
            ReportField("energy_kwh", .number(energy, decimals: 3)),
            ReportField("average_kw", .number(request.hours > 0 ? energy / request.hours : 0, decimals: 3)),
            ReportField("peak_kw", .number(peak?.averageKilowatts ?? 0, decimals: 3)),
            ReportField("peak_at", .time(peak?.start)),
            ReportField("intervals_over_limit", .count(over.count)),
            ReportField("worst_excess_kw", .number(over.map(\.excessKilowatts).max() ?? 0, decimals: 3)),
            ReportField("cost", blocks.isEmpty ? .missing : .number(blocks.reduce(0) { $0 + $1.cost }, decimals: 2)),
            ReportField("blocks", .objects(blocks.map(\.fields))),
            ReportField("tenants", .objects(tenants.map(\.fields))),
        ]
    }

    /// The clock's quarter hours that meet the period, cut to it.
    static func intervals(of period: Range<Date>) -> [Range<Date>] {
        var windows: [Range<Date>] = []
        var start = period.lowerBound
        while start < period.upperBound {
            let next = Date(timeIntervalSince1970: ((start.timeIntervalSince1970 / interval).rounded(.down) + 1) * interval)
            let end = min(next, period.upperBound)
            windows.append(start..<end)
            start = end
        }
        return windows
    }
}
