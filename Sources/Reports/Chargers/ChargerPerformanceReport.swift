public import DepotModel
import Foundation
public import Storage

/// Per charger of the depot file: uptime, faults, utilisation and energy over the period, so
/// operators can show which chargers carry the night and which let it down.
public struct ChargerPerformanceReport: Report {
    public static let name = "chargers"
    public static let notes = [
        "offline_h: time covered by charger_offline incidents, plus the time since a charger that is offline now disconnected; a charger that never connected (no presence record) counts offline for the whole period.",
        "faults and fault_h come from the StatusNotification frames of the OCPP message log (kept for its retention window): a fault runs from Faulted to the connector's next other status.",
        "active_h: time with at least one session running on the charger; utilisation_pct = active_h / period.",
        "Tenant and vehicle filters narrow sessions, active_h, utilisation_pct and energy_kwh; uptime and faults are the charger's own.",
    ]

    public let request: ReportRequest
    public let rows: [ChargerPerformanceRow]

    /// Computes the report from stored records for every charger of the depot file, in file order.
    public init(request: ReportRequest, depot: Depot, records: ReportRecords) {
        self.request = request
        let period = request.period
        let facts = TransactionFacts.all(records).filter { request.includes(tenant: $0.tenant, vehicle: $0.vehicle) }
        let faults = FaultEpisode.episodes(in: records.statusFrames, until: period.upperBound)
        rows = depot.chargers.map { charger in
            let outages = Self.outages(of: charger.id, records: records, period: period)
            let episodes = faults.filter { $0.charger == charger.id && $0.interval.overlaps(period) }
            let own = facts.filter { $0.charger == charger.id && $0.activeInterval(until: period.upperBound).overlaps(period) }
            let active = period.coveredSeconds(by: own.map { $0.activeInterval(until: period.upperBound) })
            let offline = period.coveredSeconds(by: outages)
            return ChargerPerformanceRow(
                charger: charger.id, onlinePercent: Self.share(period.seconds - offline, of: period), offlineHours: offline / 3_600,
                faults: episodes.count, faultHours: period.coveredSeconds(by: episodes.map(\.interval)) / 3_600, sessions: own.count,
                activeHours: active / 3_600, utilisationPercent: Self.share(active, of: period),
                energyKilowattHours: own.reduce(0) { $0 + $1.kilowattHours(in: period) })
        }
    }

    public var totals: [ReportField] {
        let count = Double(max(rows.count, 1))
        return [
            ReportField("chargers", .count(rows.count)),
            ReportField("online_pct", .number(rows.reduce(0) { $0 + $1.onlinePercent } / count, decimals: 2)),
            ReportField("faults", .count(rows.reduce(0) { $0 + $1.faults })),
            ReportField("fault_h", .number(rows.reduce(0) { $0 + $1.faultHours }, decimals: 3)),
            ReportField("sessions", .count(rows.reduce(0) { $0 + $1.sessions })),
            ReportField("utilisation_pct", .number(rows.reduce(0) { $0 + $1.utilisationPercent } / count, decimals: 2)),
            ReportField("energy_kwh", .number(rows.reduce(0) { $0 + $1.energyKilowattHours.rounded(toPlaces: 3) }, decimals: 3)),
        ]
    }

    /// When the charger was known to be offline: its incidents, and its present disconnection.
    private static func outages(of charger: ChargerID, records: ReportRecords, period: Range<Date>) -> [Range<Date>] {
        let key = "charger_offline|charger:\(charger.rawValue)"
        let incidents = records.incidents.filter { $0.incidentKey == key }.map { incident in
            incident.raisedAt..<max(incident.raisedAt, incident.resolvedAt ?? period.upperBound)
        }
        guard let presence = records.stations.first(where: { $0.station == charger }), presence.online || presence.since != nil else {
            return [period]
        }
        guard !presence.online, let since = presence.since else { return incidents }
        return incidents + [since..<max(since, period.upperBound)]
    }

    private static func share(_ seconds: TimeInterval, of period: Range<Date>) -> Double {
        period.seconds > 0 ? 100 * seconds / period.seconds : 0
    }
}
