import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// POSTs a JSON body and turns the answer into a delivery result, shared by the SMS gateway and
/// the webhooks: 2xx is delivered; 408, 429, 5xx and network errors are transient; any other
/// status is permanent.
struct JSONPoster: Sendable {
    let client: HTTPClient
    let timeout: TimeAmount

    func post(_ body: Data, to url: String, headers: [(String, String)]) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Busbar")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: timeout)
        } catch {
            throw DeliveryFailure.transient("\(url): \(error)")
        }
        let answer = (try? await response.body.collect(upTo: 2048)).map { String(buffer: $0) } ?? ""
        let status = response.status.code
        switch status {
        case 200..<300: return
        case 408, 429, 500...: throw DeliveryFailure.transient("\(url) answered \(status) \(answer.prefix(200))")
        default: throw DeliveryFailure.permanent("\(url) answered \(status) \(answer.prefix(200))")
        }
    }
}
