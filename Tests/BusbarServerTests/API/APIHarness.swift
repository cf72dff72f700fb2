import BusbarServer
import DepotConfig
import DepotModel
import Foundation
import HTTPTypes
import Logging
import PolicyEngine
import ServiceLifecycle
import Storage
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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

    let port: Int
    let server: BusbarApplication
    let store: BusbarStore

    /// Sends one request; `token` nil sends no Authorization header.
    func request(
        _ method: HTTPRequest.Method, _ path: String, token: String? = adminToken, body: String? = nil, contentType: String = "application/json"
    ) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.httpMethod = method.rawValue
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return Answer(
            status: http?.statusCode ?? 0, contentType: http?.value(forHTTPHeaderField: "Content-Type") ?? "",
            body: String(decoding: data, as: UTF8.self))
    }

    /// Runs `body` against a freshly built server (its HTTP listener only: the tests drive the
    /// depot's loop themselves) with an empty database file.
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
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: await reloader.depots, store: store,
            policies: ["demo": engine], apiTokens: tokens,
            secrets: SecretResolver(environment: ["ADMIN": adminToken, "HOCHBAHN": hochbahnToken, "VHH": vhhToken]), reloader: reloader,
            logger: Logger(label: "api-test")
        ) { _, port in announce.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await ServiceGroup(services: [server.applications[0]], logger: Logger(label: "api-test")).run()
            }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            do {
                try await body(APIHarness(port: port, server: server, store: store))
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
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
