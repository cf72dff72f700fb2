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
import Testing

/// The VDV 261 endpoint over real HTTP on loopback, assembled by the same builder as `busbar serve`.
@Suite("VDV 261 endpoint over HTTP")
struct VDV261EndpointTests {
    static let origin = Date(timeIntervalSince1970: 1_795_975_200)  // 2026-11-24T18:00:00Z
    static let path = "/vdv261/v2icp/messages"

    /// The B7 request of docs/vdv.md for a VIN, as V2 (with `h2_stat`/`bat_stat`) or V1.
    static func body(vin: String = VDVTestDepot.hb01.vin, seq: Int = 0, v2: Bool = true) -> String {
        #"{"seq": \#(seq), "vin": "\#(vin)", "evccid": "001A2B3C4D60", "odo": 288140, "bat_reqtime": 25, "bat_eamount": 168000, "#
            + #""prec_reqtime": 35, "prec_eamount": 11000, "chrg_stat": 1"# + (v2 ? #", "h2_stat": 0, "bat_stat": 0}"# : "}")
    }

    static func authorization(_ user: String, _ password: String) -> HTTPFields {
        [.authorization: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString(), .contentType: "application/json"]
    }

    /// A stay of hb-01 whose automatic preconditioning window started an hour ago on the server's
    /// clock; the default policy keeps the requested start.
    static let stay = TimetableEntry(
        id: "api-hb-01", vehicle: "hb-01", tenant: "hochbahn", arrival: origin.addingTimeInterval(-7200),
        departure: origin.addingTimeInterval(8 * 3600),
        targetSoC: Percent(95), minTargetSoC: Percent(80), maxTargetSoC: Percent(95),
        preconditioning: .automatic(mode: .hotWaterAndHeating, requestedStart: origin.addingTimeInterval(-3600), requestedFinish: nil), source: .api)

    /// Runs `body` against a live server whose clock starts at `origin`, with the built-in default
    /// policies and hb-01's stay stored.
    func withServer(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let defaults = try PolicyRevision(
            folder: "policies/defaults", directory: VDV261PreconditioningTests.repository.appendingPathComponent("policies/defaults"))
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: [VDVTestDepot.depot],
            store: BusbarStore(try BusbarDatabase.inMemory()), policies: ["demo": PolicyEngine(depot: "demo", defaults: defaults)],
            secrets: VDVTestDepot.secrets, clock: AcceleratedClock(origin: Self.origin, factor: 1), logger: Logger(label: "test"))
        try await server.controllers["demo"]?.replaceTimetable([Self.stay], source: .api)
        try await server.applications[0].test(.live) { client in try await body(client) }
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    @Test func aV2MessageGetsTheDirectivesFromTheStay() async throws {
        try await withServer { client in
            let response = try await client.execute(
                uri: Self.path, method: .post, headers: Self.authorization(VDVTestDepot.hb01.vin, VDVTestDepot.hb01.password),
                body: ByteBuffer(string: Self.body(seq: 7)))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let reply = try Self.json(response.body)
            #expect(reply["seq"] as? Int == 7 && reply["vin"] as? String == VDVTestDepot.hb01.vin)
            #expect(reply["driveoff"] as? Int == 65535 && reply["ambienttemp"] as? Int == 255)
            #expect(reply["prec_dsrd"] as? Int == 1 && reply["prec_hvac"] as? Int == 1)
            #expect(reply["target_soc"] as? Int == 95)
            #expect(Data(response.body.readableBytesView).allSatisfy { $0 < 0x80 })
        }
    }

    @Test func aV1MessageGetsNoTargetSocAndARepeatedSeqTheSameAnswer() async throws {
        try await withServer { client in
            var answers: [ByteBuffer] = []
            for _ in 0..<2 {
                let response = try await client.execute(
                    uri: Self.path, method: .post, headers: Self.authorization(VDVTestDepot.hb01.vin, VDVTestDepot.hb01.password),
                    body: ByteBuffer(string: Self.body(seq: 3, v2: false)))
                #expect(response.status == .ok)
                answers.append(response.body)
            }
            #expect(answers[0] == answers[1])
            #expect(try Self.json(answers[0])["target_soc"] == nil)
        }
    }

    @Test(arguments: [
        ("no authorization", 401), ("wrong password", 401), ("unknown VIN", 401), ("vin differs", 403), ("V1 password on a V2 message", 401),
        ("V1 password on a V1 message", 200),
    ])
    func authentication(case name: String, status: Int) async throws {
        let hb01 = VDVTestDepot.hb01
        let hb02 = VDVTestDepot.hb02
        let (headers, body): (HTTPFields, String) =
            switch name {
            case "no authorization": ([.contentType: "application/json"], Self.body())
            case "wrong password": (Self.authorization(hb01.vin, "Wrong!pass-1"), Self.body())
            case "unknown VIN": (Self.authorization("WEB62830419999999", hb01.password), Self.body(vin: "WEB62830419999999"))
            case "vin differs": (Self.authorization(hb01.vin, hb01.password), Self.body(vin: hb02.vin))
            case "V1 password on a V2 message": (Self.authorization(hb02.vin, hb02.password), Self.body(vin: hb02.vin))
            default: (Self.authorization(hb02.vin, hb02.password), Self.body(vin: hb02.vin, v2: false))
            }
        try await withServer { client in
            let response = try await client.execute(uri: Self.path, method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status.code == status)
            if status != 200 { #expect(try Self.json(response.body)["error"] is String) }
        }
    }

    @Test(arguments: [
        ("not json", 400, "JSON object"), (#"{"vin": "WEB62830410000001"}"#, 400, "seq is required"),
        (#"{"seq": 300, "vin": "WEB62830410000001"}"#, 400, "seq"), (#"{"seq": 1, "vin": "WEB62830410000001", "odo": "far"}"#, 400, "odo"),
        (String(repeating: " ", count: 17 * 1024), 413, "exceeds"),
    ])
    func malformedBodiesGetA4xxWithAReason(body: String, status: Int, reason: String) async throws {
        try await withServer { client in
            let response = try await client.execute(
                uri: Self.path, method: .post, headers: Self.authorization(VDVTestDepot.hb01.vin, VDVTestDepot.hb01.password),
                body: ByteBuffer(string: body))
            #expect(response.status.code == status)
            #expect((try Self.json(response.body)["error"] as? String)?.contains(reason) == true)
        }
    }

    @Test func otherMethodsGet405() async throws {
        try await withServer { client in
            let response = try await client.execute(
                uri: Self.path, method: .get, headers: Self.authorization(VDVTestDepot.hb01.vin, VDVTestDepot.hb01.password))
            #expect(response.status == .methodNotAllowed)
        }
    }
}
