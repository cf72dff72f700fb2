import BusbarServer
import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import PolicyEngine
import Storage
import TestSupport
import Testing

/// VDV 261 exchanges over real HTTP in which `prec_dsrd` follows the `preconditioning` policy's
/// plan, stepped through the window on a manual clock, and the depot's `vdv261:` encodings.
@Suite("VDV 261 pre-conditioning over HTTP")
struct VDV261PreconditioningTests {
    /// 2026-10-24 22:00 in Berlin (CEST); the clocks go back at 03:00 that night.
    static let origin = Date(timeIntervalSince1970: 1_792_872_000)
    /// 2026-10-25 05:30 in Berlin (CET): 7.5 h later on the wall clock, 8.5 h later in fact.
    static let departure = origin.addingTimeInterval(8.5 * 3600)
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func stay(_ rule: PreconditioningRule?) -> TimetableEntry {
        TimetableEntry(
            id: "api-hb-01", vehicle: "hb-01", tenant: "hochbahn", arrival: origin.addingTimeInterval(-1800), departure: departure,
            targetSoC: Percent(90), minTargetSoC: Percent(80), maxTargetSoC: Percent(95), preconditioning: rule, source: .api)
    }

    /// The VDV test depot with the given `vdv261:` encodings.
    static func depot(_ encodings: VDV261Encodings) -> Depot {
        let base = VDVTestDepot.depot
        return Depot(
            id: base.id, name: base.name, timeZone: base.timeZone, grid: base.grid, circuits: base.circuits, areas: base.areas,
            chargers: base.chargers, tenants: base.tenants, vehicles: base.vehicles, reservations: base.reservations, vdv261: encodings)
    }

    /// Runs `body` against a live server on the manual clock with the built-in default policies and hb-01's stay.
    func withServer(
        stay: TimetableEntry, encodings: VDV261Encodings = VDV261Encodings(),
        _ body: @Sendable (ManualClock, any TestClientProtocol) async throws -> Void
    ) async throws {
        let clock = ManualClock(Self.origin)
        let depot = Self.depot(encodings)
        let defaults = try PolicyRevision(folder: "policies/defaults", directory: Self.repository.appendingPathComponent("policies/defaults"))
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [depot], store: BusbarStore(try BusbarDatabase.inMemory()),
            policies: [depot.id: PolicyEngine(depot: depot.id, defaults: defaults)], secrets: VDVTestDepot.secrets, clock: clock,
            logger: Logger(label: "test"))
        try await server.controllers[depot.id]?.replaceTimetable([stay], source: .api)
        try await server.applications[0].test(.live) { client in try await body(clock, client) }
    }

    /// Posts the B7 message (V2, `prec_reqtime` 35, `bat_reqtime` 25) and returns the reply.
    static func exchange(_ client: any TestClientProtocol, seq: Int) async throws -> [String: Any] {
        let response = try await client.execute(
            uri: VDV261EndpointTests.path, method: .post,
            headers: VDV261EndpointTests.authorization(VDVTestDepot.hb01.vin, VDVTestDepot.hb01.password),
            body: ByteBuffer(string: VDV261EndpointTests.body(seq: seq)))
        #expect(response.status == .ok)
        return try VDV261EndpointTests.json(response.body)
    }

    @Test func precDsrdIsOneExactlyInsideTheRequestedWindow() async throws {
        let start = Self.departure.addingTimeInterval(-60 * 60)
        let finish = Self.departure.addingTimeInterval(-10 * 60)
        let rule = PreconditioningRule.automatic(mode: .warmWaterAndVentilation, requestedStart: start, requestedFinish: finish)
        try await withServer(stay: Self.stay(rule)) { clock, client in
            var answers: [Int?] = []
            for (seq, instant) in [Self.origin, start.addingTimeInterval(-1), start, finish.addingTimeInterval(-1), finish].enumerated() {
                clock.advance(by: instant.timeIntervalSince(clock.now()))
                let reply = try await Self.exchange(client, seq: seq)
                #expect(reply["prec_hvac"] as? Int == 0)
                answers.append(reply["prec_dsrd"] as? Int)
            }
            #expect(answers == [0, 0, 1, 1, 0])
        }
    }

    @Test func theDefaultPolicyStartsByWhatTheBusReported() async throws {
        // B7 reports prec_reqtime 35 and bat_reqtime 25 minutes: the default starts 45 minutes
        // before departure and ends at departure, when the stay is over.
        let start = Self.departure.addingTimeInterval(-45 * 60)
        try await withServer(stay: Self.stay(nil)) { clock, client in
            var answers: [Int?] = []
            for (seq, instant) in [Self.origin, start.addingTimeInterval(-1), start, Self.departure.addingTimeInterval(-1), Self.departure]
                .enumerated()
            {
                clock.advance(by: instant.timeIntervalSince(clock.now()))
                let reply = try await Self.exchange(client, seq: seq)
                answers.append(reply["prec_dsrd"] as? Int)
            }
            #expect(answers == [0, 0, 1, 1, 0])
        }
    }

    @Test func defaultEncodingsSendTheSNAValues() async throws {
        let rule = PreconditioningRule.automatic(mode: .hotWaterAndHeating, requestedStart: nil, requestedFinish: nil, ambientTemperature: -6.5)
        try await withServer(stay: Self.stay(rule)) { _, client in
            let reply = try await Self.exchange(client, seq: 0)
            #expect(reply["driveoff"] as? Int == 65535 && reply["ambienttemp"] as? Int == 255)
            #expect(reply["prec_hvac"] as? Int == 1 && reply["target_soc"] as? Int == 95)
            #expect(reply["target_dist"] == nil)
        }
    }

    @Test func configuredEncodingsCountMinutesInLocalTimeAcrossTheDSTChange() async throws {
        let encodings = VDV261Encodings(
            driveoff: .minutesOfDayLocal, ambientTemperature: VDV261Encodings.LinearEncoding(offset: -40, scale: 1),
            targetDistance: VDV261Encodings.TargetDistance(unit: .kilometres, notAvailable: 65535))
        let rule = PreconditioningRule.automatic(mode: .none, requestedStart: nil, requestedFinish: nil, ambientTemperature: -6.5)
        try await withServer(stay: Self.stay(rule), encodings: encodings) { _, client in
            let reply = try await Self.exchange(client, seq: 0)
            // 05:30 CET after the fall-back; counting clock hours from midnight would give 6:30.
            #expect(reply["driveoff"] as? Int == 5 * 60 + 30)
            #expect(reply["ambienttemp"] as? Int == 34)
            #expect(reply["prec_hvac"] as? Int == 3)
            #expect(reply["target_dist"] as? Int == 65535)
        }
    }
}
