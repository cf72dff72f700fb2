import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import OCPP

/// An RFC 9457 problem-details error response (`application/problem+json`), the shape of every
/// API error.
struct ProblemDetails: Error, HTTPResponseError {
    /// One refused item of a batch (a CSV row), with its line number and why it was refused.
    struct Item: Sendable, Hashable {
        let line: Int
        let reason: String
    }

    let status: HTTPResponse.Status
    let title: String
    let detail: String?
    /// The refused items, when the request carried several (extension member `errors`).
    let errors: [Item]

    init(_ status: HTTPResponse.Status, _ title: String, detail: String? = nil, errors: [Item] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    /// A refusal of the depot runtime: unknown or foreign objects 404, conflicts 409, requests
    /// that contradict the depot 422.
    init(_ error: RuntimeError) {
        switch error {
        case .notFound(let what): self.init(.notFound, "no \(what)")
        case .invalid(let why): self.init(.unprocessableContent, why)
        case .conflict(let why): self.init(.conflict, why)
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var body: [String: JSONValue] = ["type": .string("about:blank"), "title": .string(title), "status": .number(Double(status.code))]
        if let detail { body["detail"] = .string(detail) }
        if !errors.isEmpty {
            body["errors"] = .array(errors.map { .object(["line": .number(Double($0.line)), "reason": .string($0.reason)]) })
        }
        return Response(
            status: status, headers: [.contentType: "application/problem+json"],
            body: .init(byteBuffer: .init(string: JSONValue.object(body).jsonText)))
    }
}
