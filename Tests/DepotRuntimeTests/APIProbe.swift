import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A plain HTTP client for the night's REST checks, as a fleet system would call Busbar.
struct APIProbe: Sendable {
    let port: Int
    let token: String?

    struct Answer: Sendable {
        let status: Int
        let body: String
    }

    func request(_ method: String, _ path: String, body: String? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self))
    }
}

/// The REST answers the night collects for its checks.
struct APIAnswers: Sendable {
    let live: APIProbe.Answer
    let withoutToken: APIProbe.Answer
    let unknownDepot: APIProbe.Answer
    let foreignStop: APIProbe.Answer
    let brokenLimit: APIProbe.Answer
    let cap: APIProbe.Answer
}
