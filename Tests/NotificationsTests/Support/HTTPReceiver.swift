import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

/// A real HTTP server on loopback (Hummingbird) standing in for an SMS gateway (`POST /sms`) and
/// webhook receivers (`POST /hooks/<name>`). It records every request and answers with the
/// statuses the test queues (200 when none is queued).
final class HTTPReceiver: Sendable {
    struct Request: Sendable {
        let path: String
        /// Header values by lower-case name.
        let headers: [String: String]
        let body: Data

        func json() throws -> [String: String] {
            try JSONDecoder().decode([String: String?].self, from: body).compactMapValues { $0 }
        }
    }

    private struct State {
        var requests: [Request] = []
        var statuses: [Int] = []
        var defaultStatus = 200
        var waiters: [(count: Int, continuation: CheckedContinuation<[Request], Never>)] = []
    }

    private let state = Mutex(State())
    let port: Int

    private init(port: Int) { self.port = port }

    var requests: [Request] { state.withLock { $0.requests } }

    /// Answers the next requests with these statuses, in order.
    func answer(_ statuses: Int...) { state.withLock { $0.statuses += statuses } }

    /// Answers every request without a queued status with this one.
    func answerByDefault(_ status: Int) { state.withLock { $0.defaultStatus = status } }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Waits until `count` requests have arrived in total (no sleeping: each arrival is awaited).
    func waitForRequests(_ count: Int) async -> [Request] {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                if state.requests.count >= count { return Optional(state.requests) }
                state.waiters.append((count, continuation))
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func receive(_ request: Request) -> Int {
        let (status, woken, requests) = state.withLock { state in
            state.requests.append(request)
            let status = state.statuses.isEmpty ? state.defaultStatus : state.statuses.removeFirst()
            let count = state.requests.count
            let woken = state.waiters.filter { $0.count <= count }.map(\.continuation)
            state.waiters.removeAll { $0.count <= count }
            return (status, woken, state.requests)
        }
        for continuation in woken { continuation.resume(returning: requests) }
        return status
    }

    /// Runs a receiver on a free loopback port for the duration of `body`.
    static func run<Value: Sendable>(_ body: @Sendable (HTTPReceiver) async throws -> Value) async throws -> Value {
        let box = Mutex<HTTPReceiver?>(nil)
        let router = Router()
        let handler: @Sendable (Hummingbird.Request, BasicRequestContext) async throws -> Response = { request, _ in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let received = Request(path: request.uri.path, headers: headers, body: Data(buffer.readableBytesView))
            let status = box.withLock { $0 }?.receive(received) ?? 500
            return Response(status: HTTPResponse.Status(code: status))
        }
        router.post("sms", use: handler)
        router.post("hooks/:name", use: handler)
        var logger = Logger(label: "receiver")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        return try await app.test(.live) { client in
            let receiver = HTTPReceiver(port: client.port ?? 0)
            box.withLock { $0 = receiver }
            return try await body(receiver)
        }
    }
}
