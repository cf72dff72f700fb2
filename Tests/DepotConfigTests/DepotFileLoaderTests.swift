import DepotConfig
import DepotModel
import Foundation
import Testing

@Suite("Depot file loader")
struct DepotFileLoaderTests {
    @Test func minimalDepotLoads() throws {
        let depot = try LoaderHarness.load(LoaderHarness.minimal).get()
        #expect(depot.id == "test")
        #expect(depot.chargers.first?.password == .environment("C1_PASSWORD"))
        #expect(depot.circuit("cab-1")?.parent == "hall")
        #expect(depot.timetable.first?.bay == "B1")
        #expect(depot.reservations.buffer == .minutes(15))
    }

    @Test func exampleDepotsLoadWithWhatTheyDescribe() throws {
        let root = LoaderHarness.repositoryRoot.appendingPathComponent("config/depots")
        let demo = try DepotFileLoader.load(path: root.appendingPathComponent("demo.yaml").path)
        #expect(demo.chargers.count == 20)
        #expect(demo.vehicles.count == 30)
        #expect(demo.timetable.count == 30)
        #expect(demo.grid.blocks.map(\.name) == ["night", "day", "peak"])
        #expect(Set(demo.tenants.map(\.tenantClass)) == [.fleet, .public])
        #expect(demo.tenants.filter { $0.tenantClass == .fleet }.count == 2)
        let nord = try DepotFileLoader.load(path: root.appendingPathComponent("nord.yaml").path)
        #expect(nord.grid.meter == SiteMeter(charger: "NORD-METER"))
        #expect(nord.grid.peakTolerance == 0.1)
        #expect(nord.charger("NORD-METER")?.connectors.isEmpty == true)
        #expect(nord.charger("NORD-W01")?.connectors.map(\.phases) == [3, 1])
        #expect(nord.tenant("stadtbus")?.presystems.count == 2)
        #expect(nord.vehicle("sb-101")?.maxPower(atStateOfCharge: 95) == 60)
        #expect(nord.timetable.first?.weekdays == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(nord.notifications.webhooks.count == 2)
    }

    @Test func everyMistakeOfAFileIsReportedTogether() {
        let yaml = LoaderHarness.minimal
            .replacingOccurrences(of: "connection_kw: 1000", with: "connection_kw: 700")
            .replacingOccurrences(of: "circuit: cab-1", with: "circuit: cab-2")
            .replacingOccurrences(of: "min_kw: 10", with: "min_kwh: 10")
        let issues = LoaderHarness.issues(yaml)
        #expect(issues.map(\.keyPath) == ["circuits[0].limit_kw", "chargers[0].circuit", "chargers[0].connectors[0].min_kwh"])
        #expect(issues.map(\.line) == [9, 18, 21])
    }

    @Test func eachMistakeIsReportedOnceEvenWhenALaterCheckLooksBack() {
        let yaml = LoaderHarness.minimal(
            replacing: "  connection_kw: 1000", with: "  connection_kw: 1000\n  conection_kw: 5\n  meter: { charger: C1 }")
        #expect(LoaderHarness.issues(yaml).map(\.keyPath) == ["grid.conection_kw"])
    }

    @Test func yamlSyntaxErrorsAreLocated() throws {
        let issues = LoaderHarness.issues(LoaderHarness.minimal(replacing: "  name: Test Depot", with: "  name: [Test Depot"))
        let issue = try #require(issues.first)
        #expect(issue.message.hasPrefix("YAML syntax"))
        #expect(issue.line >= 3)
    }
}
