import BusbarServer
import DepotConfig
import DepotModel
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import PolicyEngine
import Storage
import Testing

/// The demo depot served over real HTTP on loopback with a SQLite file, and three API tokens:
/// admin, Hochbahn (tenant A, hall A) and VHH (tenant B, hall B).
struct APIHarness: Sendable {
    static let adminToken = "api-test-admin"
    static let hochbahnToken = "api-test-hochbahn"
    static let vhhToken = "api-test-vhh"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One HTTP answer.
    struct Answer: Sendable {
        let status: Int
        let contentType: String
        let body: String

        /// The body as a JSON object (empty when it is none).
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }

        /// The ids of the objects listed under `key`.
        func ids(_ key: String) -> [String] {
            (object[key] as? [[String: Any]] ?? []).compactMap { $0["id"].map { "\($0)" } }
        }
    }

    let client: any TestClientProtocol
    let server: BusbarApplication
    let store: BusbarStore

    /// The bound port (for simulated stations).
    var port: Int { client.port ?? 0 }

    /// Sends one request; `token` nil sends no Authorization header.
    func request(
        _ method: HTTPRequest.Method, _ path: String, token: String? = adminToken, body: String? = nil, contentType: String = "application/json"
    ) async throws -> Answer {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = contentType }
        return try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            Answer(status: Int(response.status.code), contentType: response.headers[.contentType] ?? "", body: String(buffer: response.body))
        }
    }

    /// Runs `body` against a freshly built server with an empty database file.
    static func run(_ body: @escaping @Sendable (APIHarness) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-api-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = BusbarStore(try BusbarDatabase.open(path: path))
        let tokens = [
            APITokenSettings(token: .environment("ADMIN"), scope: .admin),
            APITokenSettings(token: .environment("HOCHBAHN"), scope: .tenant("hochbahn")),
            APITokenSettings(token: .environment("VHH"), scope: .tenant("vhh")),
        ]
        let reloader = try await DepotReloader.load(
            depotFiles: [repository.appendingPathComponent("config/depots/demo.yaml").path],
            defaults: try PolicyRevision(folder: "policies/defaults", directory: repository.appendingPathComponent("policies/defaults")),
            logger: Logger(label: "api-test"))
        let engine = try #require(await reloader.engine(for: "demo"))
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: await reloader.depots, store: store,
            policies: ["demo": engine], apiTokens: tokens,
            secrets: SecretResolver(environment: ["ADMIN": adminToken, "HOCHBAHN": hochbahnToken, "VHH": vhhToken]), reloader: reloader,
            logger: Logger(label: "api-test"))
        try await server.applications[0].test(.live) { client in
            try await body(APIHarness(client: client, server: server, store: store))
        }
    }

    /// ISO 8601 text of tomorrow's `time` in the demo depot's zone: daytime windows never meet the
    /// depot file's night stays and their bay reservations.
    static func tomorrow(at time: String) -> String {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        return ISO8601DateFormatter().string(from: LocalDate(containing: Date(), in: zone).adding(days: 1).instant(at: TimeOfDay(time)!, in: zone))
    }

    /// ISO 8601 text of a time `hours` from now (the API takes and gives UTC times).
    static func time(hours: Double) -> String {
        ISO8601DateFormatter().string(from: Date().addingTimeInterval(hours * 3600))
    }
}
