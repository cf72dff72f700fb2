public import DepotModel
import Foundation
public import Storage

/// Sessions that started in the period: energy, SoC against the stay's target, and cost per
/// tenant billing mode. Managers use it to show that buses leave charged and what that cost.
public struct SessionReport: Report {
    public static let name = "sessions"
    public static let notes = [
        "Sessions are those that started in the period; energy_kwh is the whole session's (meter stop minus meter start).",
        "Energy between two meter readings is taken as spread evenly over that time when priced by block.",
        "target_met compares the last SoC the charger reported with the stay's target; target_margin_pct is their difference in points.",
        "cost: contract = price_per_kwh × energy; cost = each reading interval's energy at the price of the block it fell in.",
        "flags names why a stored transaction is doubtful (kept, never dropped); a meter reading below an earlier one adds no energy.",
    ]

    public let request: ReportRequest
    public let rows: [SessionRow]

    /// Computes the report from stored records and the depot's file (tenants, billing, blocks, timetable).
    public init(request: ReportRequest, depot: Depot, records: ReportRecords) {
        self.request = request
        let stays = StayLookup(depot: depot, stored: records.timetable)
        rows = TransactionFacts.all(records)
            .filter { request.period.contains($0.record.startedAt) && request.includes(tenant: $0.tenant, vehicle: $0.vehicle) }
            .sorted { ($0.record.startedAt, $0.charger, $0.record.connector) < ($1.record.startedAt, $1.charger, $1.record.connector) }
            .map { Self.row($0, depot: depot, stays: stays) }
    }

    public var totals: [ReportField] {
        let energy = rows.reduce(0) { $0 + $1.energyKilowattHours.rounded(toPlaces: 3) }
        let costs = rows.compactMap(\.cost)
        return [
            ReportField("sessions", .count(rows.count)),
            ReportField("energy_kwh", .number(energy, decimals: 3)),
            ReportField("cost", costs.isEmpty ? .missing : .number(costs.reduce(0) { $0 + $1.rounded(toPlaces: 2) }, decimals: 2)),
            ReportField("targets_met", .count(rows.filter { $0.targetMet == true }.count)),
            ReportField("targets_missed", .count(rows.filter { $0.targetMet == false }.count)),
            ReportField("targets_unknown", .count(rows.filter { $0.targetMet == nil }.count)),
        ]
    }

    private static func row(_ facts: TransactionFacts, depot: Depot, stays: StayLookup) -> SessionRow {
        let stay = facts.vehicle.flatMap { stays.stay(of: $0, startedAt: facts.record.startedAt) }
        let margin = stay.flatMap { stay in facts.lastSoC.map { $0 - stay.targetSoC.value } }
        let billing = facts.tenant.flatMap { depot.tenant($0)?.billing }
        return SessionRow(
            transaction: facts.record.transactionKey, tenant: facts.tenant, vehicle: facts.vehicle, charger: facts.charger,
            connector: facts.record.connector, startedAt: facts.record.startedAt, stoppedAt: facts.record.stoppedAt,
            energyKilowattHours: facts.kilowattHours, startSoC: facts.firstSoC, endSoC: facts.lastSoC, minTargetSoC: stay?.minTargetSoC.value,
            targetSoC: stay?.targetSoC.value, departure: stay?.departure, targetMet: margin.map { $0 >= 0 }, targetMarginPoints: margin,
            billingMode: billing.map(Self.modeName), cost: billing.flatMap { cost(of: facts, billing: $0, depot: depot) },
            flags: TransactionSuspicion(rawValue: facts.record.suspicion).reportNames.joined(separator: " "))
    }

    private static func modeName(_ mode: BillingMode) -> String {
        switch mode {
        case .contract: "contract"
        case .passThrough: "cost"
        }
    }

    /// The session's cost: at the contract price, or each flow split over the blocks it spans.
    private static func cost(of facts: TransactionFacts, billing: BillingMode, depot: Depot) -> Double? {
        switch billing {
        case .contract(let price):
            return facts.kilowattHours * price
        case .passThrough:
            guard !depot.grid.blocks.isEmpty else { return nil }
            return facts.flows.reduce(0) { sum, flow in
                sum
                    + depot.grid.blockSegments(covering: flow.interval, in: depot.timeZone).reduce(0) {
                        $0 + flow.kilowattHours(in: $1.interval) * $1.block.pricePerKilowattHour
                    }
            }
        }
    }
}
