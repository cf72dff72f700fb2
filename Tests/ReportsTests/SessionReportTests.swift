import DepotModel
import Foundation
import Reports
import Storage
import Testing

@Suite("Session report")
struct SessionReportTests {
    let report = SessionReport(request: ReportFixture.request(), depot: ReportFixture.depot, records: ReportFixture.records)

    @Test func energyIsMeterStopMinusMeterStart() {
        #expect(report.rows.map(\.transaction) == ["T1", "T2"])
        #expect(report.rows.map(\.energyKilowattHours) == [90, 60])
    }

    @Test func contractCostIsPriceTimesEnergy() throws {
        let t1 = try #require(report.rows.first)
        #expect(t1.billingMode == "contract")
        #expect(abs(try #require(t1.cost) - 22.5) < 1e-9)
    }

    /// T2: 20 kWh before 22:00 at the peak price 0.40 (8.00), 40 kWh after it at the night price 0.20 (8.00).
    @Test func passThroughCostPricesEachReadingIntervalAtItsBlock() throws {
        let t2 = try #require(report.rows.last)
        #expect(t2.tenant == "city")
        #expect(t2.billingMode == "cost")
        #expect(abs(try #require(t2.cost) - 16) < 1e-9)
    }

    @Test func targetMetAndMissedWithSignedMargins() throws {
        let t1 = try #require(report.rows.first)
        #expect(t1.targetSoC == 90 && t1.minTargetSoC == 80 && t1.startSoC == 40 && t1.endSoC == 92)
        #expect(t1.departure == ReportFixture.at(29))
        #expect(t1.targetMet == true && t1.targetMarginPoints == 2)
        let t2 = try #require(report.rows.last)
        #expect(t2.targetSoC == 95 && t2.departure == ReportFixture.at(30))
        #expect(t2.targetMet == false && t2.targetMarginPoints == -10)
    }

    @Test func totalsSumTheRows() {
        #expect(report.totals.first { $0.name == "energy_kwh" }?.value == .number(150, decimals: 3))
        #expect(report.totals.first { $0.name == "cost" }?.value == .number(38.5, decimals: 2))
        #expect(report.totals.first { $0.name == "targets_met" }?.value == .count(1))
        #expect(report.totals.first { $0.name == "targets_missed" }?.value == .count(1))
    }

    /// A stop below the start is kept and flagged, and counts no energy (docs/reliability.md §2).
    @Test func doubtfulTransactionsAreFlaggedAndAddNoNegativeEnergy() throws {
        var records = ReportFixture.records
        records.transactions[1].meterStartKWh = 100
        records.transactions[1].meterStopKWh = 10
        records.transactions[1].suspicion = TransactionSuspicion([.meterRegression, .incomplete]).rawValue
        records.samples.removeAll { $0.transactionKey == "T2" && $0.measurand == TransactionSample.energyRegister }
        let report = SessionReport(request: ReportFixture.request(), depot: ReportFixture.depot, records: records)
        let t2 = try #require(report.rows.last)
        #expect(t2.flags == "meter_regression incomplete")
        #expect(t2.energyKilowattHours == 0)
        #expect(report.rows.first?.flags == "")
    }

    @Test(arguments: [
        (ReportFixture.request(tenant: "city"), ["T2"]),
        (ReportFixture.request(vehicle: "bus1"), ["T1"]),
        (ReportFixture.request(tenant: "fleet", vehicle: "bus2"), []),
        (ReportRequest(depot: "small", period: ReportFixture.at(21, 40)..<ReportFixture.at(24)), ["T2"]),
    ])
    func filtersSelectSessions(request: ReportRequest, expected: [String]) {
        let report = SessionReport(request: request, depot: ReportFixture.depot, records: ReportFixture.records)
        #expect(report.rows.map(\.transaction) == expected)
    }
}
