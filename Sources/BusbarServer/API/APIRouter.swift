import DepotRuntime
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Registers the REST API's routes on a Hummingbird router and keeps the list of what it
/// registered, so the OpenAPI check compares the document with the routes the server really has.
/// Every handler's errors leave as problem details: `ProblemDetails` as they are, a runtime
/// refusal mapped to its status, Hummingbird's client errors with their status, anything else a
/// 500 whose details stay in the log.
final class APIRouter {
    private let router: Router<BusbarRequestContext>
    private let logger: Logger
    private(set) var operations: [APIOperation] = []

    init(router: Router<BusbarRequestContext>, logger: Logger) {
        self.router = router
        self.logger = logger
    }

    /// Adds one operation; `path` uses OpenAPI's `{name}` parameters.
    func on(
        _ method: HTTPRequest.Method, _ path: String,
        handler: @escaping @Sendable (Request, BusbarRequestContext) async throws -> Response
    ) {
        operations.append(APIOperation(method: method.rawValue, path: path))
        let routerPath = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? ":" + $0.dropFirst().dropLast() : $0 }
            .joined(separator: "/")
        let logger = logger
        router.on(RouterPath(routerPath), method: method) { request, context in
            do {
                return try await handler(request, context)
            } catch let problem as ProblemDetails {
                throw problem
            } catch let error as RuntimeError {
                throw ProblemDetails(error)
            } catch let error as any HTTPResponseError where error.status.code < 500 {
                // Hummingbird's own refusals, e.g. a body above the route's limit (413).
                throw ProblemDetails(error.status, error.status.reasonPhrase)
            } catch {
                logger.error("API request failed", metadata: ["http.path": "\(request.uri.path)", "error": "\(error)"])
                throw ProblemDetails(.internalServerError, "the request could not be completed")
            }
        }
    }
}
