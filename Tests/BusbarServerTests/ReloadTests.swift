import BusbarServer
import DepotConfig
import DepotModel
import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import NIOCore
import PolicyEngine
import Storage
import Testing

/// Hot reload over real sockets: a station stays connected and answered while the depot's
/// revision is swapped (directly, over HTTP, after a file change) or refused.
@Suite("Hot reload")
struct ReloadTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let adminToken = "reload-test-admin"

    /// The demo depot in a temporary folder, with a priority policy and its case table.
    struct DepotFolder {
        let root: URL
        var depotFile: String { root.appendingPathComponent("demo.yaml").path }
        var policyFile: String { root.appendingPathComponent("policies/priority.lua").path }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-reload-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("policies"), withIntermediateDirectories: true)
            let demo = try String(contentsOf: ReloadTests.repository.appendingPathComponent("config/depots/demo.yaml"), encoding: .utf8)
            try write(demo + "\npolicies:\n  dir: policies\n  priority: priority.lua\n", to: "demo.yaml")
            try write(Self.policy(tier: 2), to: "policies/priority.lua")
            try write(Self.caseTable(tier: 2), to: "policies/priority_test.yaml")
        }

        func write(_ text: String, to path: String) throws {
            try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }

        static func policy(tier: Int) -> String {
            """
            local M = {}
            function M.priority(ctx)
              local out = {}
              for i = 1, #ctx.sessions do out[i] = \(tier) end
              return out
            end
            return M
            """
        }

        static func caseTable(tier: Int) -> String {
            """
            policy: priority.lua
            domain: priority
            state:
              ctx:
                now: 1800000000
                depot: { id: demo, timezone: Europe/Berlin, grid: { limit_kw: 1000 } }
                tenants: [ { id: hochbahn, class: fleet, priority: 100, settings: {} } ]
                sessions:
                  - id: s1
                    vehicle: { id: bus-1, battery_kwh: 400, max_kw: 150 }
                    tenant: hochbahn
                    connector: { charger: DEMO-A02, id: 1, max_kw: 150 }
                    soc: 40
                    target_soc: 90
                    energy_needed_kwh: 200
                    reserved: false
                    planned: false
                    late: false
            cases:
              - name: every session gets tier \(tier)
                expect: [ { priority: \(tier) } ]
            """
        }
    }

    /// A test's part: the HTTP client, the reloader, and `call`, which sends a frame as the station.
    typealias StationBody = @Sendable (any TestClientProtocol, DepotReloader, (String) async throws -> String) async throws -> Void

    /// Runs `body` with a live server serving the temporary depot, and a station connected to it
    /// (booted) whose `call` sends a frame and returns the answer.
    func withStation(_ folder: DepotFolder, _ body: @escaping StationBody) async throws {
        let reloader = try await DepotReloader.load(
            depotFiles: [folder.depotFile],
            defaults: try PolicyRevision(folder: "policies/defaults", directory: Self.repository.appendingPathComponent("policies/defaults")),
            logger: Logger(label: "test"))
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "127.0.0.1", port: 0)], depots: await reloader.depots,
            store: BusbarStore(try BusbarDatabase.inMemory()), apiTokens: [APITokenSettings(token: .environment("ADMIN"), scope: .admin)],
            secrets: SecretResolver(environment: ["ADMIN": Self.adminToken]), reloader: reloader, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(at: folder.root) }
        try await server.applications[0].test(.live) { client in
            let port = try #require(client.port)
            let password = UpgradeCheckTests.demoPassword("DEMO-A02")
            let headers: HTTPFields = [
                .authorization: "Basic " + Data("DEMO-A02:\(password)".utf8).base64EncodedString(), .secWebSocketProtocol: "ocpp1.6",
            ]
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/ocpp/DEMO-A02", configuration: .init(additionalHeaders: headers), logger: Logger(label: "station")
            ) { inbound, outbound, _ in
                var replies = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                func call(_ frame: String) async throws -> String {
                    try await outbound.write(.text(frame))
                    guard case .text(let reply) = try await replies.next() else { throw CancellationError() }
                    return reply
                }
                #expect(try await call(#"[2,"b","BootNotification",{"chargePointVendor":"ACME","chargePointModel":"DC150"}]"#).contains("Accepted"))
                try await body(client, reloader, call)
                // The connection outlived every reload and still gets answers.
                #expect(try await call(#"[2,"h-end","Heartbeat",{}]"#).hasPrefix(#"[3,"h-end""#))
            }
        }
    }

    /// `POST /api/v1/reload` or `GET /api/v1/depots/demo/status` with the admin token.
    static func request(
        _ method: HTTPRequest.Method, _ path: String, client: any TestClientProtocol
    ) async throws -> (
        status: Int, type: String, body: String
    ) {
        try await client.execute(uri: path, method: method, headers: [.authorization: "Bearer \(adminToken)"]) { response in
            (Int(response.status.code), response.headers[.contentType] ?? "", String(buffer: response.body))
        }
    }

    @Test func aDirectReloadSwapsTheRevisionWhileTheStationStaysConnected() async throws {
        let folder = try DepotFolder()
        try await withStation(folder) { _, reloader, call in
            let before = try #require(await reloader.status(of: "demo"))
            try folder.write(DepotFolder.policy(tier: 3), to: "policies/priority.lua")
            try folder.write(DepotFolder.caseTable(tier: 3), to: "policies/priority_test.yaml")
            let after = try #require(await reloader.reload(depot: "demo"))
            #expect(after.activeRevision != before.activeRevision)
            #expect(after.lastError == nil)
            #expect(after.policies.activeRevision != before.policies.activeRevision)
            #expect(try await call(#"[2,"h1","Heartbeat",{}]"#).hasPrefix(#"[3,"h1""#))
        }
    }

    @Test func aReloadOverHTTPAnswersWithTheStatus() async throws {
        let folder = try DepotFolder()
        try await withStation(folder) { client, reloader, call in
            try folder.write(DepotFolder.policy(tier: 3), to: "policies/priority.lua")
            try folder.write(DepotFolder.caseTable(tier: 3), to: "policies/priority_test.yaml")
            let answer = try await Self.request(.post, "/api/v1/reload", client: client)
            let status = try #require(await reloader.status(of: "demo"))
            #expect(answer.status == 200, "\(answer.body)")
            #expect(answer.body.contains(#""active_revision":"\#(status.activeRevision)""#))
            #expect(answer.body.contains(#""last_error":null"#))
            #expect(try await call(#"[2,"h1","Heartbeat",{}]"#).hasPrefix(#"[3,"h1""#))
        }
    }

    @Test func aBrokenPolicyKeepsTheLastGoodRevisionAndNamesFileAndLine() async throws {
        let folder = try DepotFolder()
        try await withStation(folder) { client, reloader, call in
            let (failures, continuation) = AsyncStream.makeStream(of: ReloadFailure.self)
            await reloader.onReloadFailure { _, failure in continuation.yield(failure) }
            let before = try #require(await reloader.status(of: "demo"))
            try folder.write("local M = {}\nfunction M.priority(ctx)\n  return {\nend\nreturn M\n", to: "policies/priority.lua")
            let answer = try await Self.request(.post, "/api/v1/reload", client: client)
            #expect(answer.status == 422)
            #expect(answer.type == "application/problem+json")
            #expect(answer.body.contains("priority.lua:4:"))
            let after = try #require(await reloader.status(of: "demo"))
            #expect(after.activeRevision == before.activeRevision)
            #expect(after.since == before.since)
            #expect(after.lastError?.file?.hasSuffix("policies/priority.lua") == true)
            #expect(after.lastError?.line == 4)
            var alerts = failures.makeAsyncIterator()
            #expect(await alerts.next() == after.lastError)
            let shown = try await Self.request(.get, "/api/v1/depots/demo/status", client: client)
            #expect(shown.status == 200)
            #expect(shown.body.contains(#""line":4"#))
            #expect(shown.body.contains(#""active_revision":"\#(before.activeRevision)""#))
            #expect(try await call(#"[2,"h1","Heartbeat",{}]"#).hasPrefix(#"[3,"h1""#))
        }
    }

    @Test func aBrokenDepotFileKeepsTheLastGoodRevision() async throws {
        let folder = try DepotFolder()
        try await withStation(folder) { _, reloader, call in
            let before = try #require(await reloader.status(of: "demo"))
            let text = try String(contentsOfFile: folder.depotFile, encoding: .utf8)
            try folder.write(text.replacingOccurrences(of: "connection_kw: 2000", with: "connection_kw: lots"), to: "demo.yaml")
            let after = try #require(await reloader.reload(depot: "demo"))
            #expect(after.activeRevision == before.activeRevision)
            #expect(after.lastError?.file == folder.depotFile)
            let line = text.components(separatedBy: "\n").firstIndex { $0.contains("connection_kw: 2000") }.map { $0 + 1 }
            #expect(after.lastError?.line == line)
            #expect(after.lastError?.message.contains("grid.connection_kw") == true)
            #expect(try await call(#"[2,"h1","Heartbeat",{}]"#).hasPrefix(#"[3,"h1""#))
        }
    }

    @Test func aFailingCaseBlocksTheSwap() async throws {
        let folder = try DepotFolder()
        try await withStation(folder) { _, reloader, _ in
            let before = try #require(await reloader.status(of: "demo"))
            try folder.write(DepotFolder.policy(tier: 1), to: "policies/priority.lua")
            let after = try #require(await reloader.reload(depot: "demo"))
            #expect(after.activeRevision == before.activeRevision)
            #expect(after.lastError?.file?.hasSuffix("policies/priority_test.yaml") == true)
            #expect(after.lastError?.line == 20)
            #expect(after.lastError?.message.hasSuffix(#"case "every session gets tier 2": result[1].priority: expected 2, got 1"#) == true)
        }
    }

    @Test func aFileChangeIsPickedUpByTheWatcher() async throws {
        let folder = try DepotFolder()
        try await withStation(folder) { _, reloader, _ in
            let (reloads, continuation) = AsyncStream.makeStream(of: Depot.self)
            await reloader.onReload { continuation.yield($0) }
            let watcher = DepotFileWatcher(reloader: reloader, interval: .milliseconds(20), quiet: .milliseconds(60))
            try await withThrowingTaskGroup { group in
                group.addTask { try await watcher.run() }
                try folder.write(DepotFolder.policy(tier: 3), to: "policies/priority.lua")
                try folder.write(DepotFolder.caseTable(tier: 3), to: "policies/priority_test.yaml")
                var iterator = reloads.makeAsyncIterator()
                #expect(await iterator.next()?.id == "demo")
                group.cancelAll()
            }
            let status = try #require(await reloader.status(of: "demo"))
            #expect(status.lastError == nil)
        }
    }
}
