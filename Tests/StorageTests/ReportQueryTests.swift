import DepotModel
import Foundation
import Storage
import Testing

@Suite("Report queries on a real SQLite file")
struct ReportQueryTests {
    let t0 = Date(timeIntervalSince1970: 1_795_550_400)  // 2026-11-24T20:00:00Z

    func at(minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    /// A database file with two depots: `nord` has a session before (fleet), one across (fleet) and
    /// one inside (city) the period 21:00–23:00, an outage, fault frames and chatter; `sued` has a
    /// session too.
    func filledStore(in folder: URL) async throws -> BusbarStore {
        let store = BusbarStore(try BusbarDatabase.open(path: folder.appendingPathComponent("busbar.sqlite").path))
        func session(_ depot: DepotID, _ station: ChargerID, _ key: String, from start: Double, to stop: Double, kWh: Double) async throws {
            _ = try await store.recordTransactionStart(
                depot: depot, station: station, key: .chosenByStation(key), connector: 1, idToken: "tok", startedAt: at(minutes: start),
                meterStart: 0, receivedAt: at(minutes: start))
            try await store.attributeTransaction(
                station: station, key: key, vehicle: VehicleID("bus-\(key)"), tenant: key == "inside" ? "city" : "fleet")
            try await store.recordMeterSamples(
                depot: depot, station: station, transactionKey: key,
                samples: [
                    MeterSample(connector: 1, sampledAt: at(minutes: start + 1), measurand: "Energy.Active.Import.Register", value: 1, unit: "kWh"),
                    MeterSample(
                        connector: 1, sampledAt: at(minutes: start + 1), measurand: "Energy.Active.Import.Register", value: 0.4, unit: "kWh",
                        phase: "L1"),
                    MeterSample(connector: 1, sampledAt: at(minutes: start + 1), measurand: "Power.Active.Import", value: 60, unit: "kW"),
                    MeterSample(connector: 1, sampledAt: at(minutes: start + 1), measurand: "SoC", value: 41, unit: "Percent", location: "EV"),
                ], receivedAt: at(minutes: start + 1))
            _ = try await store.recordTransactionStop(
                station: station, transactionKey: key, stoppedAt: at(minutes: stop), meterStop: KilowattHours(kWh), reason: nil,
                receivedAt: at(minutes: stop), frame: "[]")
        }
        try await session("nord", "N1", "before", from: 0, to: 50, kWh: 10)
        try await session("nord", "N1", "across", from: 50, to: 90, kWh: 20)
        try await session("nord", "N2", "inside", from: 70, to: 170, kWh: 30)
        try await session("sued", "S1", "other", from: 70, to: 80, kWh: 5)
        try await store.recordPresence(depot: "nord", station: "N2", online: false, at: at(minutes: 150))
        for (key, raised, resolved) in [
            ("charger_offline|charger:N1", 30.0, 40.0), ("charger_offline|charger:N2", 100, 110), ("fault|connector:N2/1", 100, 110),
        ] {
            let kind = String(key.prefix { $0 != "|" })
            _ = try await store.openIncident(
                IncidentRecord(depotID: "nord", incidentKey: key, kind: kind, tenantID: nil, raisedAt: at(minutes: raised)), entries: [])
            _ = try await store.resolveIncident(depot: "nord", key: key, at: at(minutes: resolved))
        }
        let faulted = #"[2,"f1","StatusNotification",{"connectorId":1,"status":"Faulted","errorCode":"OtherError"}]"#
        try await store.appendMessageLog(station: "N1", direction: .received, frame: faulted, at: at(minutes: 20))
        try await store.appendMessageLog(station: "N1", direction: .received, frame: #"[2,"h1","Heartbeat",{}]"#, at: at(minutes: 75))
        try await store.appendMessageLog(station: "N1", direction: .sent, frame: #"[3,"f1",{}]"#, at: at(minutes: 20))
        try await store.appendMessageLog(station: "S1", direction: .received, frame: faulted, at: at(minutes: 75))
        try await store.appendMessageLog(station: "N2", direction: .received, frame: faulted, at: at(minutes: 200))
        let stay = TimetableEntry(
            id: "stay", vehicle: "bus-inside", tenant: "city", arrival: at(minutes: 60), departure: at(minutes: 600), targetSoC: 90, source: .api)
        try await store.replaceTimetable(depot: "nord", source: .api, entries: [stay], at: t0)
        return store
    }

    @Test func readsWhatOverlapsThePeriodOfOneDepot() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await filledStore(in: folder)
        let records = try await store.reportRecords(depot: "nord", tenant: nil, period: at(minutes: 60)..<at(minutes: 180))

        #expect(records.transactions.map(\.transactionKey) == ["across", "inside"])
        #expect(records.transactions.map(\.meterStopKWh) == [20, 30])
        #expect(records.transactions.map(\.tenantID) == ["fleet", "city"])
        #expect(records.samples.map(\.transactionKey) == ["across", "across", "inside", "inside"])
        #expect(Set(records.samples.map(\.measurand)) == ["Energy.Active.Import.Register", "SoC"])
        #expect(records.samples.allSatisfy { $0.measurand == "SoC" ? $0.value == 41 : $0.value == 1 })
        #expect(records.incidents.map(\.incidentKey) == ["charger_offline|charger:N2"])
        #expect(records.stations.map(\.station) == ["N1", "N2"])
        #expect(records.stations.map(\.online) == [false, false])
        #expect(records.statusFrames.map(\.station) == ["N1"])
        #expect(records.statusFrames.map(\.at) == [at(minutes: 20)])
        #expect(records.timetable.map(\.id) == ["stay"])

        let fleet = try await store.reportRecords(depot: "nord", tenant: "fleet", period: at(minutes: 60)..<at(minutes: 180))
        #expect(fleet.transactions.map(\.transactionKey) == ["across"])
        #expect(fleet.samples.map(\.transactionKey) == ["across", "across"])
        #expect(fleet.timetable.isEmpty)
        #expect(fleet.incidents.count == 1 && fleet.stations.count == 2 && fleet.statusFrames.count == 1)
    }
}
