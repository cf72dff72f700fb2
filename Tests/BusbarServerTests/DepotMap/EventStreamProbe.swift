import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads the first events of a server-sent-event stream over real HTTP, as the map's `fetch`
/// reader does, then hangs up: the stream itself never ends.
final class EventStreamProbe: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// One `event:`/`data:` block.
    struct Event: Sendable {
        let name: String
        let data: String
    }

    /// What the server answered: status, content type and the events read.
    struct Answer: Sendable {
        let status: Int
        let contentType: String?
        let events: [Event]
    }

    private let chunks: AsyncStream<Data>
    private let sink: AsyncStream<Data>.Continuation
    private let response = Mutex<HTTPURLResponse?>(nil)

    private override init() {
        (chunks, sink) = AsyncStream.makeStream(of: Data.self)
    }

    /// Reads until `count` events arrived or the server closed the response.
    static func read(port: Int, path: String, token: String?, count: Int) async throws -> Answer {
        let probe = EventStreamProbe()
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let session = URLSession(configuration: .ephemeral, delegate: probe, delegateQueue: nil)
        let task = session.dataTask(with: request)
        task.resume()
        defer {
            task.cancel()
            session.invalidateAndCancel()
        }
        var text = ""
        var events: [Event] = []
        for await chunk in probe.chunks {
            text += String(decoding: chunk, as: UTF8.self)
            while let end = text.range(of: "\n\n") {
                events.append(Self.event(String(text[..<end.lowerBound])))
                text.removeSubrange(..<end.upperBound)
            }
            if events.count >= count { break }
        }
        let response = probe.response.withLock { $0 }
        return Answer(status: response?.statusCode ?? 0, contentType: response?.value(forHTTPHeaderField: "Content-Type"), events: events)
    }

    private static func event(_ block: String) -> Event {
        var name = "message"
        var data = ""
        for line in block.split(separator: "\n") {
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data += line.dropFirst(6) }
        }
        return Event(name: name, data: data)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        self.response.withLock { $0 = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        sink.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        sink.finish()
    }
}
