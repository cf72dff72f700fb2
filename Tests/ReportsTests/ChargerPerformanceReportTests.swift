import DepotModel
import Foundation
import Reports
import Storage
import Testing

@Suite("Charger performance report")
struct ChargerPerformanceReportTests {
    let report = ChargerPerformanceReport(request: ReportFixture.request(), depot: ReportFixture.depot, records: ReportFixture.records)

    func row(_ charger: ChargerID) throws -> ChargerPerformanceRow { try #require(report.rows.first { $0.charger == charger }) }

    /// C1 was offline 23:00–23:30 (an incident); C2 disconnected at 23:45 and is still offline;
    /// C3 never connected.
    @Test func uptimeCountsOutagesWithinThePeriod() throws {
        #expect(report.rows.map(\.charger) == ["C1", "C2", "C3"])
        #expect(abs(try row("C1").offlineHours - 0.5) < 1e-9)
        #expect(abs(try row("C1").onlinePercent - 500.0 / 6) < 1e-9)
        #expect(abs(try row("C2").offlineHours - 0.25) < 1e-9)
        #expect(try row("C3").onlinePercent == 0)
    }

    /// C1's connector was Faulted 23:10–23:40 (1.6 frames); C2's EVSE from 23:50 on (2.0.1), still open.
    @Test func faultsComeFromLoggedStatusNotifications() throws {
        #expect(try row("C1").faults == 1)
        #expect(abs(try row("C1").faultHours - 0.5) < 1e-9)
        #expect(try row("C2").faults == 1)
        #expect(abs(try row("C2").faultHours - 1.0 / 6) < 1e-9)
        #expect(try row("C3").faults == 0)
    }

    @Test func utilisationIsActiveTimeOverThePeriod() throws {
        #expect(abs(try row("C1").activeHours - 1.5) < 1e-9)
        #expect(abs(try row("C1").utilisationPercent - 50) < 1e-9)
        #expect(abs(try row("C2").utilisationPercent - 25) < 1e-9)
        #expect(try row("C1").energyKilowattHours == 90)
        #expect(try row("C2").energyKilowattHours == 60)
    }

    /// From 22:00 on, T1 delivers 60 of its 90 kWh and T2 40 of its 60 (readings at 22:00).
    @Test func energyIsCutAtThePeriodStart() throws {
        let late = ChargerPerformanceReport(
            request: ReportRequest(depot: "small", period: ReportFixture.at(22)..<ReportFixture.at(24)), depot: ReportFixture.depot,
            records: ReportFixture.records)
        #expect(late.rows.map(\.energyKilowattHours) == [60, 40, 0])
    }

    @Test func tenantFilterNarrowsSessionsNotUptime() throws {
        let city = ChargerPerformanceReport(
            request: ReportFixture.request(tenant: "city"), depot: ReportFixture.depot, records: ReportFixture.records)
        #expect(city.rows.map(\.sessions) == [0, 1, 0])
        #expect(city.rows.map(\.faults) == [1, 1, 0])
    }
}
