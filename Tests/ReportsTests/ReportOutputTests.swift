import DepotModel
import Foundation
import Reports
import Storage
import Testing

@Suite("Report output")
struct ReportOutputTests {
    @Test func csvHasAHeaderOneRowPerItemAndQuotesPerRFC4180() {
        var records = ReportFixture.records
        records.transactions[0].transactionKey = #"T,"1""#
        records.samples = records.samples.map {
            $0.transactionKey == "T1"
                ? TransactionSample(station: $0.station, transactionKey: #"T,"1""#, sampledAt: $0.sampledAt, measurand: $0.measurand, value: $0.value)
                : $0
        }
        let csv = ReportCSV.encode(SessionReport(request: ReportFixture.request(), depot: ReportFixture.depot, records: records))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0] == SessionRow.columns.joined(separator: ","))
        #expect(lines[0].contains("energy_kwh") && lines[0].contains("target_margin_pct"))
        #expect(
            lines[1]
                == #""T,""1""",fleet,bus1,C1,1,2026-11-24T21:30:00Z,2026-11-24T23:00:00Z,90.0,40.0,92.0,80.0,90.0,2026-11-25T05:00:00Z,true,2.0,contract,22.5,"#
        )
    }

    @Test func csvLeavesUnknownValuesEmpty() {
        var records = ReportFixture.records
        records.transactions[1].stoppedAt = nil
        records.transactions[1].meterStopKWh = nil
        let csv = ReportCSV.encode(SessionReport(request: ReportFixture.request(vehicle: "bus2"), depot: ReportFixture.depot, records: records))
        #expect(csv.components(separatedBy: "\r\n")[1].hasPrefix("T2,city,bus2,C2,1,2026-11-24T21:45:00Z,,20.0,"))
    }

    @Test func jsonEchoesPeriodAndFiltersAndCarriesUnits() throws {
        let report = PowerUseReport(request: ReportFixture.request(tenant: "city"), depot: ReportFixture.depot, records: ReportFixture.records)
        let json = try ReportJSON.encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "power")
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["from"] as? String == "2026-11-24T21:00:00Z" && period["to"] as? String == "2026-11-25T00:00:00Z")
        #expect(period["hours"] as? Double == 3)
        let filters = try #require(object["filters"] as? [String: Any])
        #expect(filters["depot"] as? String == "small" && filters["tenant"] as? String == "city" && filters["vehicle"] is NSNull)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 12 && rows[3]["average_kw"] as? Double == 80 && rows[3]["start"] as? String == "2026-11-24T21:45:00Z")
        let totals = try #require(object["totals"] as? [String: Any])
        let tenants = try #require(totals["tenants"] as? [[String: Any]])
        #expect(tenants.first?["over_budget_kw"] as? Double == 40)
        #expect((object["notes"] as? [String])?.isEmpty == false)
    }

    @Test(arguments: ReportFormat.allCases)
    func everyReportRendersInEveryFormat(format: ReportFormat) throws {
        let request = ReportFixture.request()
        let outputs = [
            try format.render(SessionReport(request: request, depot: ReportFixture.depot, records: ReportFixture.records)),
            try format.render(ChargerPerformanceReport(request: request, depot: ReportFixture.depot, records: ReportFixture.records)),
            try format.render(PowerUseReport(request: request, depot: ReportFixture.depot, records: ReportFixture.records)),
        ]
        for output in outputs { #expect(!output.isEmpty) }
        if format == .csv {
            #expect(outputs[1].hasPrefix("charger,online_pct,offline_h,faults,fault_h,sessions,active_h,utilisation_pct,energy_kwh\r\n"))
        }
    }
}
