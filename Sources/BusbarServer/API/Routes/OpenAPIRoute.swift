import Foundation
import HTTPTypes
import Hummingbird

/// `GET /openapi.yaml`: the OpenAPI 3.1 description of the REST API, shipped as a resource of
/// this target and kept true by a test that compares it with the registered routes.
struct OpenAPIRoute: Sendable {
    /// The document's text; nil only if the resource bundle is missing (a broken installation).
    static let document: String? = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
        .flatMap { try? String(contentsOf: $0, encoding: .utf8) }

    func register(on api: APIRouter) {
        api.on(.get, "/openapi.yaml") { _, _ in
            guard let document = Self.document else { throw ProblemDetails(.internalServerError, "the OpenAPI document is not installed") }
            return Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: .init(string: document)))
        }
    }
}
