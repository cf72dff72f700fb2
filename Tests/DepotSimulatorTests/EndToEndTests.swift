import BusbarServer
import DepotConfig
import DepotModel
import DepotSimulator
import Foundation
import Logging
import OCPP
import ServiceLifecycle
import Storage
import Testing

/// Simulated stations of both versions against the real server from the shared builder, on
/// loopback with a temporary SQLite file: boot, a transaction with meter values under a charging
/// profile the server sends, and what the server stored.
@Suite("Simulated stations against busbar serve", .serialized)
struct EndToEndTests {
    static let demo: Depot = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! DepotFileLoader.load(path: root.appendingPathComponent("config/depots/demo.yaml").path)
    }()

    /// Waits for a condition the running system will reach, checking every 20 ms for at most 60 s.
    func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("never happened: \(what)")
        throw CancellationError()
    }

    @Test func stationsOfBothVersionsChargeUnderAProfileAndTheServerStoresIt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = BusbarStore(try BusbarDatabase.open(path: folder.appendingPathComponent("busbar.sqlite").path))
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [Self.demo], store: store, logger: Logger(label: "server")
        ) { _, port in announce.yield(port) }
        let clock = FastClock(origin: Date(), factor: 60)
        let stations: [(id: String, version: OCPPVersion, token: String)] = [("DEMO-B03", .v16, "04A2B3C40002"), ("DEMO-A02", .v201, "04A2B3C40003")]
        // Only the listener runs (not the depot runtime, whose own profiles would replace the ones
        // this test sends), in a service group of its own as `busbar serve` runs it.
        let listener = ServiceGroup(services: [server.applications[0]], gracefulShutdownSignals: [], logger: Logger(label: "server"))
        try await withThrowingTaskGroup(of: Void.self) { serving in
            serving.addTask { try await listener.run() }
            defer { serving.cancelAll() }
            var bound = ports.makeAsyncIterator()
            let port = try #require(await bound.next())
            let clients = stations.enumerated().map { index, station in
                StationClient(
                    station: SimulatedStation(
                        setup: StationSetup(id: station.id, version: station.version, connectorCount: 2, connectorMaxKW: 150),
                        password: StationPasswords.demo.password(for: station.id), seed: UInt64(index + 1)
                    ),
                    baseURL: "ws://127.0.0.1:\(port)", clock: clock, seed: UInt64(index + 100), logger: Logger(label: "station")
                )
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in clients { group.addTask { await client.run() } }
                try await eventually("both stations accepted") {
                    for client in clients where await client.station.bootState != .accepted { return false }
                    return true
                }
                for (client, station) in zip(clients, stations) {
                    let bus = PluggedVehicle(idToken: station.token, battery: SimulatedBattery(capacityKWh: 330, maxPowerKW: 150, stateOfCharge: 30))
                    #expect(await client.plugIn(connector: 1, vehicle: bus) == .started)
                }
                let start = clock.now().addingTimeInterval(-60)
                let v16Profile = V16.ChargingProfile(
                    chargingProfileId: 7, stackLevel: 0, chargingProfilePurpose: .txDefaultProfile, chargingProfileKind: .absolute,
                    chargingSchedule: .init(
                        startSchedule: start, chargingRateUnit: .w, chargingSchedulePeriod: [.init(startPeriod: 0, limit: 40_000)])
                )
                let v16Reply = await server.stations.send(
                    .v16(.setChargingProfile(.init(connectorId: 0, csChargingProfiles: v16Profile))), to: "DEMO-B03")
                #expect(v16Reply == .outcome(.result(.v16(.setChargingProfile(.init(status: .accepted))))))
                let v201Profile = V201.ChargingProfile(
                    id: 7, stackLevel: 0, chargingProfilePurpose: .txDefaultProfile, chargingProfileKind: .absolute,
                    chargingSchedule: [
                        .init(
                            id: 1, startSchedule: start, chargingRateUnit: .a,
                            chargingSchedulePeriod: [.init(startPeriod: 0, limit: 50, numberPhases: 3)])
                    ]
                )
                let v201Reply = await server.stations.send(.v201(.setChargingProfile(.init(evseId: 0, chargingProfile: v201Profile))), to: "DEMO-A02")
                #expect(v201Reply == .outcome(.result(.v201(.setChargingProfile(.init(status: .accepted))))))
                try await eventually("stations draw the profile limits") {
                    let b03 = await clients[0].station.connector(1)?.powerKW ?? 0
                    let a02 = await clients[1].station.connector(1)?.powerKW ?? 0
                    return abs(b03 - 40) < 0.01 && abs(a02 - 34.5) < 0.01
                }
                for station in stations {
                    try await eventually("\(station.id) meter values stored") {
                        guard let key = try await store.transactions(station: ChargerID(station.id)).first?.transactionKey else { return false }
                        return try await store.meterSamples(station: ChargerID(station.id), transactionKey: key).count >= 8
                    }
                }
                // The 1.6 station loses its connection for three simulated minutes: its meter values
                // queue up and reach the server after the reconnect.
                let key = try #require(try await store.transactions(station: "DEMO-B03").first?.transactionKey)
                let offline = clock.now()...clock.now().addingTimeInterval(180)
                await clients[0].dropConnection(until: offline.upperBound)
                try await eventually("DEMO-B03 offline") { await !server.stations.connectedStations.contains("DEMO-B03") }
                try await eventually("DEMO-B03 back with the samples it took offline") {
                    guard await server.stations.connectedStations.contains("DEMO-B03") else { return false }
                    let samples = try await store.meterSamples(station: "DEMO-B03", transactionKey: key)
                    return Set(samples.map(\.sampledAt).filter { offline.contains($0) }).count >= 2
                }
                // A fault on the 2.0.1 station's second EVSE reaches the server as Faulted.
                await clients[1].fault(connector: 2, errorCode: "GroundFailure")
                try await eventually("DEMO-A02 connector 2 faulted") {
                    try await store.connectorStatuses(station: "DEMO-A02").contains { $0.connector == 2 && $0.state == .faulted }
                }
                for client in clients { await client.unplug(connector: 1) }
                for station in stations {
                    try await eventually("\(station.id) transaction stopped") {
                        try await store.transactions(station: ChargerID(station.id)).first?.stoppedAt != nil
                    }
                }
                for client in clients { await client.stop() }
                group.cancelAll()
            }
            await listener.triggerGracefulShutdown()
        }
        for station in stations {
            let transaction = try #require(try await store.transactions(station: ChargerID(station.id)).first)
            #expect(transaction.connector == 1)
            #expect(transaction.idToken == station.token)
            #expect((transaction.meterStopKWh ?? 0) > transaction.meterStartKWh)
            #expect(try await store.bootState(station: ChargerID(station.id)) == .accepted)
        }
    }
}
