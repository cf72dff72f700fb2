import BusbarServer
import DepotModel
import DepotRuntime
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
import Storage
import Testing

/// VDV 261 runs IPv6 end to end (docs/vdv.md B1): the endpoint answers on a listener configured with
/// `::1` as well as on an IPv4 one, both from the same builder as `busbar serve`.
@Suite("VDV 261 over IPv6 and IPv4 listeners")
struct VDV261ListenerTests {
    @Test func theEndpointAnswersOnIPv6AndIPv4Loopback() async throws {
        let (ports, announce) = AsyncStream.makeStream(of: (Int, Int).self)
        let server = try BusbarApplication.build(
            listeners: [ServerConfiguration(address: "::1", port: 0), ServerConfiguration(address: "127.0.0.1", port: 0)],
            depots: [VDVTestDepot.depot], store: BusbarStore(try BusbarDatabase.inMemory()), secrets: VDVTestDepot.secrets,
            clock: AcceleratedClock(origin: VDV261EndpointTests.origin, factor: 1), logger: Logger(label: "test")
        ) { listener, port in announce.yield((listener, port)) }
        let services = server.serviceGroup()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var bound: [Int: Int] = [:]
            for await (listener, port) in ports {
                bound[listener] = port
                if bound.count == 2 { break }
            }
            for (host, listener) in [("::1", 0), ("127.0.0.1", 1)] {
                let client = TestClient(host: host, port: try #require(bound[listener]))
                client.connect()
                let response = try await client.execute(
                    TestClient.Request(
                        VDV261EndpointTests.path, method: .post,
                        headers: VDV261EndpointTests.authorization(VDVTestDepot.hb01.vin, VDVTestDepot.hb01.password),
                        body: ByteBuffer(string: VDV261EndpointTests.body(seq: listener))))
                try await client.shutdown()
                #expect(response.head.status == .ok, "\(host)")
                let reply = try VDV261EndpointTests.json(try #require(response.body))
                #expect(reply["seq"] as? Int == listener && reply["vin"] as? String == VDVTestDepot.hb01.vin, "\(host)")
            }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }
}
