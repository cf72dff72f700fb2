import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OCPP

/// The API's JSON conventions in one place: snake_case keys, ISO 8601 times, sorted keys, and
/// request bodies and query values that fail to parse answered with a 400 problem.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// A JSON response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(bytes: try encoder.encode(value))))
    }

    /// A JSON response built as a tree (for values that embed stored JSON unchanged).
    static func response(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: value.jsonText)))
    }

    /// The request body decoded as `type`; 400 naming the first problem when it is not.
    static func body<T: Decodable>(_ type: T.Type, of request: Request, limit: Int = 1 << 20) async throws -> T {
        try decode(type, from: try await request.body.collect(upTo: limit))
    }

    /// `buffer` decoded as `type`; 400 naming the first problem when it is not.
    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        do {
            return try decoder.decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw ProblemDetails(.badRequest, "the body is not the expected JSON", detail: describe(error))
        } catch {
            throw ProblemDetails(.badRequest, "the body is not JSON")
        }
    }

    /// An ISO 8601 query value, nil when absent; 400 when malformed.
    static func date(_ name: String, of request: Request) throws -> Date? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw ProblemDetails(.badRequest, "\(name) must be an ISO 8601 time such as 2026-11-24T22:00:00Z")
        }
        return date
    }

    /// `limit` between 1 and `maximum` (default `standard`); 400 outside.
    static func limit(of request: Request, standard: Int = 100, maximum: Int = 10_000) throws -> Int {
        guard let text = request.uri.queryParameters.get("limit") else { return standard }
        guard let limit = Int(text), (1...maximum).contains(limit) else {
            throw ProblemDetails(.badRequest, "limit must be an integer between 1 and \(maximum)")
        }
        return limit
    }

    /// A query value that must be one of `allowed`, nil when absent; 400 otherwise.
    static func choice(_ name: String, of request: Request, allowed: [String]) throws -> String? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard allowed.contains(text) else { throw ProblemDetails(.badRequest, "\(name) must be one of \(allowed.joined(separator: ", "))") }
        return text
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \(([path(context)] + [key.stringValue]).filter { !$0.isEmpty }.joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "invalid at \(path(context).isEmpty ? "the top level" : path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
