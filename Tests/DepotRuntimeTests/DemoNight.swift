import BusbarServer
import DepotConfig
import DepotModel
import DepotRuntime
import DepotSimulator
import Foundation
import Logging
import PolicyEngine
import Storage

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One accelerated night of the demo depot over real sockets: `BusbarApplication` (as `busbar
/// serve` builds it) with a SQLite file, every charger simulated over OCPP, and a few scripted
/// surprises — a no-show, a vehicle on another bus's bay, a public car in the evening peak, a
/// charger that drops off for an hour, and a priority policy swapped in at 02:30.
struct DemoNight: Sendable {
    static let speed = 300.0
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/strict-policies")

    let depot: Depot
    let store: BusbarStore
    let start: Date
    let visits: [VehicleVisit]
    let departures: [VehicleDeparture]
    let final: DepotSnapshot
    /// VHH's view and the whole depot at 02:30.
    let tenantView: DepotSnapshot
    let fullView: DepotSnapshot
    /// What a VHH token got when it tried to stop or cap a Hochbahn session.
    let crossTenantStop: RuntimeError?
    let crossTenantCap: RuntimeError?
    let connectedBeforeReload: Int
    let connectedAfterReload: Int
    let reloadAt: Date
    /// The active policy revision before and after the mid-night reload.
    let revisionBeforeReload: String?
    let revisionAfterReload: String?
    let offlineStation: ChargerID
    let offline: Range<Date>
    /// A VHH session ten minutes after VHH capped it at 20 kW through the session control API.
    let cappedSession: SessionSnapshot?
    /// What the REST routes answered VHH's token at 02:30.
    let api: APIAnswers

    static func time(_ text: String, after start: Date, in depot: Depot) -> Date {
        let day = LocalDate(containing: start, in: depot.timeZone)
        let instant = day.instant(at: TimeOfDay(text)!, in: depot.timeZone)
        return instant < start ? day.adding(days: 1).instant(at: TimeOfDay(text)!, in: depot.timeZone) : instant
    }

    static func revision(_ files: [String: String]) throws -> PolicyRevision {
        var texts: [String: String] = [:]
        var domains: [PolicyDomain: String] = [:]
        for (name, source) in files {
            texts["\(name).lua"] = try String(contentsOf: fixtures.appendingPathComponent(source), encoding: .utf8)
            domains[PolicyDomain(rawValue: name)!] = "\(name).lua"
        }
        return PolicyRevision(folder: "strict-policies", files: texts, domains: domains)
    }

    static func run() async throws -> DemoNight {
        let depot = try DepotFileLoader.load(path: root.appendingPathComponent("config/depots/demo.yaml").path)
        // A Tuesday evening, so every weekday line of the timetable runs.
        let start = LocalDate(year: 2026, month: 11, day: 24).instant(at: TimeOfDay("19:00")!, in: depot.timeZone)
        let clock = AcceleratedClock(origin: start, factor: speed)
        let defaults = try PolicyRevision(folder: "policies/defaults", directory: root.appendingPathComponent("policies/defaults"))
        let engine = PolicyEngine(depot: depot.id, defaults: defaults)
        try await engine.reload(try revision(["enforcement": "enforcement.lua"]), at: clock.now())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-night-\(UUID().uuidString).sqlite").path
        let store = BusbarStore(try BusbarDatabase.open(path: path))
        let logger = Logger(label: "demo-night")
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        setenv("BUSBAR_NIGHT_VHH_TOKEN", "vhh-token", 1)
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [depot], store: store, policies: [depot.id: engine],
            runtime: RuntimeSettings(tick: .seconds(30)),
            apiTokens: [APITokenSettings(token: .environment("BUSBAR_NIGHT_VHH_TOKEN"), scope: .tenant("vhh"))], clock: clock, logger: logger
        ) { _, port in announce.yield(port) }
        let controller = try requireValue(server.controllers[depot.id])

        var plan = SimulationPlan(depot: depot, start: clock.now(), seed: 7)
        let hb05 = try requireValue(plan.visits.first { $0.vehicle.idToken == "04A2B3C40005" })
        let hb06 = try requireValue(plan.visits.first { $0.vehicle.idToken == "04A2B3C40006" })
        plan.visits.removeAll { $0 == hb05 }
        plan.visits.append(
            VehicleVisit(
                station: hb06.station, connector: hb06.connector, vehicle: hb05.vehicle, arrival: hb06.arrival.addingTimeInterval(-8 * 60),
                departure: hb06.arrival.addingTimeInterval(-3 * 60)))
        let yard = try requireValue(plan.stations.firstIndex { $0.id == "DEMO-P01" })
        plan.visits.append(
            VehicleVisit(
                station: yard, connector: 1,
                vehicle: PluggedVehicle(idToken: "PUBLIC-CARD-1", battery: SimulatedBattery(capacityKWh: 77, maxPowerKW: 75, stateOfCharge: 20)),
                arrival: time("20:15", after: start, in: depot), departure: time("21:30", after: start, in: depot)))
        let offlineStation = ChargerID("DEMO-A03")
        let offline = time("01:00", after: start, in: depot)..<time("02:00", after: start, in: depot)
        let reloadAt = time("02:30", after: start, in: depot)
        let end = start.addingTimeInterval(12 * 3600 + 60)

        return try await withThrowingTaskGroup(of: Void.self, returning: DemoNight.self) { group in
            group.addTask { try? await server.run() }
            var portIterator = ports.makeAsyncIterator()
            let port = try requireValue(await portIterator.next())
            let simulation = Simulation(
                plan: plan, baseURL: "ws://127.0.0.1:\(port)", passwords: .demo, clock: clock, tick: .seconds(60), callTimeout: 30 * speed, seed: 7,
                logger: logger)
            group.addTask { await simulation.run(for: .seconds(12 * 3600), reportInterval: .seconds(12 * 3600)) { _ in } }

            try await clock.sleep(until: offline.lowerBound)
            let a03 = try requireValue(plan.stations.firstIndex { $0.id == offlineStation.rawValue })
            await simulation.clients[a03].dropConnection(until: offline.upperBound)

            try await clock.sleep(until: reloadAt)
            let tenantView = await controller.snapshot(tenant: "vhh")
            let fullView = await controller.snapshot()
            let hochbahn = fullView.connectors.compactMap(\.session).first { $0.tenant == "hochbahn" }
            var crossTenantStop: RuntimeError?
            var crossTenantCap: RuntimeError?
            if let hochbahn {
                do { _ = try await controller.remoteStop(session: hochbahn.id, tenant: "vhh") } catch { crossTenantStop = error as? RuntimeError }
                do { try await controller.setPowerLimit(session: hochbahn.id, cap: 10, tenant: "vhh") } catch {
                    crossTenantCap = error as? RuntimeError
                }
            }
            // VHH, with its own API token, reads its view and caps one of its own sessions for ten
            // minutes over HTTP; another tenant's session is not found for it.
            let api = APIProbe(port: port, token: "vhh-token")
            let own = try requireValue(
                tenantView.connectors.compactMap(\.session).first { ($0.powerKw) > 30 } ?? tenantView.connectors.compactMap(\.session).first)
            let answers = APIAnswers(
                live: try await api.request("GET", "/api/v1/depots/demo/live"),
                withoutToken: try await APIProbe(port: port, token: nil).request("GET", "/api/v1/depots/demo/live"),
                unknownDepot: try await api.request("GET", "/api/v1/depots/nowhere/live"),
                foreignStop: try await api.request("POST", "/api/v1/depots/demo/sessions/\(hochbahn?.id.rawValue ?? "none")/stop"),
                brokenLimit: try await api.request("PUT", "/api/v1/depots/demo/sessions/\(own.id.rawValue)/limit", body: "{max_kw: 20"),
                cap: try await api.request("PUT", "/api/v1/depots/demo/sessions/\(own.id.rawValue)/limit", body: #"{"max_kw": 20}"#))

            let connectedBefore = await server.stations.connectedStations.count
            let revisionBefore = await engine.status.activeRevision
            try await engine.reload(try revision(["enforcement": "enforcement.lua", "priority": "priority_vhh_first.lua"]), at: clock.now())
            await controller.policiesReloaded()
            let swappedAt = clock.now()
            let revisionAfter = await engine.status.activeRevision
            try await clock.sleep(until: reloadAt.addingTimeInterval(600))
            let connectedAfter = await server.stations.connectedStations.count
            let capped = await controller.snapshot(tenant: "vhh").connectors.compactMap(\.session).first { $0.id == own.id }
            _ = try await api.request("PUT", "/api/v1/depots/demo/sessions/\(own.id.rawValue)/limit", body: #"{"max_kw": null}"#)

            try await clock.sleep(until: end)
            let night = DemoNight(
                depot: depot, store: store, start: start, visits: plan.visits, departures: await simulation.departures.departures,
                final: await controller.snapshot(), tenantView: tenantView, fullView: fullView, crossTenantStop: crossTenantStop,
                crossTenantCap: crossTenantCap, connectedBeforeReload: connectedBefore, connectedAfterReload: connectedAfter, reloadAt: swappedAt,
                revisionBeforeReload: revisionBefore, revisionAfterReload: revisionAfter,
                offlineStation: offlineStation, offline: offline, cappedSession: capped, api: answers)
            group.cancelAll()
            return night
        }
    }
}
