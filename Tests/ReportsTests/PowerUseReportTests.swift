import DepotModel
import Foundation
import Reports
import Storage
import Testing

@Suite("Power use report")
struct PowerUseReportTests {
    let report = PowerUseReport(request: ReportFixture.request(), depot: ReportFixture.depot, records: ReportFixture.records)

    /// Quarter hours from 21:00: T1 spreads 30 kWh over 21:30–22:00 and 60 kWh over 22:00–23:00,
    /// T2 20 kWh over 21:45–22:00 and 40 kWh over 22:00–22:30.
    @Test func quarterHourAveragesAgainstTheBlockLimit() {
        #expect(report.rows.count == 12)
        #expect(report.rows.prefix(8).map(\.averageKilowatts) == [0, 0, 60, 140, 140, 140, 60, 60])
        #expect(report.rows.prefix(6).map(\.limitKilowatts) == [50, 50, 50, 50, 100, 100])
        #expect(report.rows.prefix(6).map(\.excessKilowatts) == [0, 0, 10, 90, 40, 40])
        #expect(report.rows[3].block == "peak" && report.rows[4].block == "night")
    }

    @Test func peakAverageAndGridLimitCompliance() {
        let totals = Dictionary(uniqueKeysWithValues: report.totals.map { ($0.name, $0.value) })
        #expect(totals["energy_kwh"] == .number(150, decimals: 3))
        #expect(totals["average_kw"] == .number(50, decimals: 3))
        #expect(totals["peak_kw"] == .number(140, decimals: 3))
        #expect(totals["peak_at"] == .time(ReportFixture.at(21, 45)))
        #expect(totals["intervals_over_limit"] == .count(4))
        #expect(totals["worst_excess_kw"] == .number(90, decimals: 3))
        #expect(totals["cost"] == .number(40, decimals: 2))
    }

    @Test func energyAndCostPerBlock() throws {
        let peak = try #require(report.blocks.first { $0.block == "peak" })
        let night = try #require(report.blocks.first { $0.block == "night" })
        #expect(abs(peak.energyKilowattHours - 50) < 1e-9 && abs(peak.cost - 20) < 1e-9 && peak.intervalsOverLimit == 2)
        #expect(abs(night.energyKilowattHours - 100) < 1e-9 && abs(night.cost - 20) < 1e-9 && night.intervalsOverLimit == 2)
        #expect(report.blocks.first { $0.block == "day" }?.energyKilowattHours == 0)
    }

    /// fleet peaks at 60 kW (T1 alone), its budget; city at 80 kW (T2), 40 above its budget.
    @Test func tenantPeaksAgainstBudgets() throws {
        let fleet = try #require(report.tenants.first { $0.tenant == "fleet" })
        let city = try #require(report.tenants.first { $0.tenant == "city" })
        #expect(fleet.peakKilowatts == 60 && fleet.overBudgetKilowatts == 0 && fleet.energyKilowattHours == 90)
        #expect(city.peakKilowatts == 80 && city.overBudgetKilowatts == 40 && city.energyKilowattHours == 60)
    }

    @Test func tenantFilterShowsOnlyThatTenantsPower() {
        let city = PowerUseReport(request: ReportFixture.request(tenant: "city"), depot: ReportFixture.depot, records: ReportFixture.records)
        #expect(city.rows.map(\.averageKilowatts).max() == 80)
        #expect(city.tenants.map(\.tenant) == ["city"])
    }

    @Test func intervalsFollowTheClockAndAreCutAtThePeriodEdges() {
        let odd = PowerUseReport(
            request: ReportRequest(depot: "small", period: ReportFixture.at(21, 50)..<ReportFixture.at(22, 20)), depot: ReportFixture.depot,
            records: ReportFixture.records)
        #expect(odd.rows.map(\.start) == [ReportFixture.at(21, 50), ReportFixture.at(22), ReportFixture.at(22, 15)])
        #expect(odd.rows.map(\.end) == [ReportFixture.at(22), ReportFixture.at(22, 15), ReportFixture.at(22, 20)])
        #expect(odd.rows.map { ($0.averageKilowatts * 1_000).rounded() / 1_000 } == [140, 140, 140])
    }
}
