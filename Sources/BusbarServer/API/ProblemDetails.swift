import Foundation
import HTTPTypes
import Hummingbird
import OCPP

/// An RFC 9457 problem-details error response (`application/problem+json`), the shape of every
/// API error.
struct ProblemDetails: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let title: String
    let detail: String?

    init(_ status: HTTPResponse.Status, _ title: String, detail: String? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var body: [String: JSONValue] = ["type": .string("about:blank"), "title": .string(title), "status": .number(Double(status.code))]
        if let detail { body["detail"] = .string(detail) }
        return Response(
            status: status, headers: [.contentType: "application/problem+json"],
            body: .init(byteBuffer: .init(string: JSONValue.object(body).jsonText)))
    }
}
