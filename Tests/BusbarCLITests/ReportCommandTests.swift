import DepotModel
import Foundation
import Storage
import Testing

@Suite("busbar report")
struct ReportCommandTests {
    /// A settings file naming the demo depot and a database filled through the store: hb-01
    /// (hochbahn, contract 0.24) charges 150 kWh from 22:00 to 24:00 Berlin time on DEMO-A01;
    /// vhh-01 (vhh, block prices) 60 kWh from 21:30 to 22:30 on DEMO-A02 with no readings in
    /// between, so half falls in the peak block (0.41) and half in the night block (0.17).
    final class Installation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-report-\(UUID().uuidString)")
        var settings: String { folder.appendingPathComponent("busbar.yaml").path }
        var database: String { folder.appendingPathComponent("busbar.sqlite").path }

        init() async throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let depotFile = BusbarBinary.repositoryRoot.appendingPathComponent("config/depots/demo.yaml").path
            try "database: \(database)\ndepots: \(depotFile)\n".write(toFile: settings, atomically: true, encoding: .utf8)
            let store = BusbarStore(try BusbarDatabase.open(path: database))
            for (station, key, vehicle, tenant, start, stop, meterStop) in [
                ("DEMO-A01", "1", "hb-01", "hochbahn", "2026-11-24T21:00:00Z", "2026-11-24T23:00:00Z", 250.0),
                ("DEMO-A02", "2", "vhh-01", "vhh", "2026-11-24T20:30:00Z", "2026-11-24T21:30:00Z", 60),
            ] {
                let started = try Date(start, strategy: .iso8601)
                let stopped = try Date(stop, strategy: .iso8601)
                _ = try await store.recordTransactionStart(
                    depot: "demo", station: ChargerID(station), key: .chosenByStation(key), connector: 1, idToken: vehicle, startedAt: started,
                    meterStart: station == "DEMO-A01" ? 100 : 0, receivedAt: started)
                try await store.attributeTransaction(station: ChargerID(station), key: key, vehicle: VehicleID(vehicle), tenant: TenantID(tenant))
                _ = try await store.recordTransactionStop(
                    station: ChargerID(station), transactionKey: key, stoppedAt: stopped, meterStop: KilowattHours(meterStop),
                    reason: "EVDisconnected",
                    receivedAt: stopped, frame: "[]")
            }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func report(_ arguments: [String]) async throws -> BusbarBinary.Result {
            try await BusbarBinary.run(["report"] + arguments + ["--config", settings])
        }
    }

    static let evening = ["--from", "2026-11-24T20:00:00Z", "--to", "2026-11-25T00:00:00Z"]

    @Test func sessionsAsCSV() async throws {
        let installation = try await Installation()
        let result = try await installation.report(["sessions", "--depot", "demo", "--format", "csv"] + Self.evening)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("transaction,tenant,vehicle,charger,connector,started_at,stopped_at,energy_kwh,"))
        #expect(lines[1].hasPrefix("2,vhh,vhh-01,DEMO-A02,1,2026-11-24T20:30:00Z,2026-11-24T21:30:00Z,60.0,"))
        #expect(lines[1].hasSuffix(",cost,17.4,"))
        #expect(lines[2].hasPrefix("1,hochbahn,hb-01,DEMO-A01,1,2026-11-24T21:00:00Z,2026-11-24T23:00:00Z,150.0,"))
        #expect(lines[2].hasSuffix(",contract,36.0,"))
    }

    @Test func powerAsJSONForOneTenantIntoAFile() async throws {
        let installation = try await Installation()
        let output = installation.folder.appendingPathComponent("power.json")
        let result = try await installation.report(["power", "--depot", "demo", "--tenant", "vhh", "--output", output.path] + Self.evening)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        #expect((object["filters"] as? [String: Any])?["tenant"] as? String == "vhh")
        #expect((object["period"] as? [String: Any])?["hours"] as? Double == 4)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["energy_kwh"] as? Double == 60)
        #expect(totals["peak_kw"] as? Double == 60)
        #expect(totals["cost"] as? Double == 17.4)
    }

    @Test(arguments: [
        (["sessions", "--depot", "nowhere"], "--depot"),
        (["energy", "--depot", "demo"], "<kind>"),
        (["sessions", "--depot", "demo", "--from", "yesterday"], "--from"),
        (["sessions", "--depot", "demo", "--format", "xml"], "--format"),
        (["sessions", "--depot", "demo", "--tenant", "nobody"], "--tenant"),
        (["chargers", "--depot", "demo", "--from", "2026-11-25T00:00:00Z", "--to", "2026-11-24T00:00:00Z"], "--from"),
    ])
    func errorsNameTheBadOption(arguments: [String], option: String) async throws {
        let installation = try await Installation()
        let result = try await installation.report(arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(option), "\(result.stderr)")
    }

    @Test func aMissingDatabaseIsNamed() async throws {
        let installation = try await Installation()
        let result = try await installation.report([
            "sessions", "--depot", "demo", "--db", installation.folder.appendingPathComponent("none.sqlite").path,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--db"))
    }
}
