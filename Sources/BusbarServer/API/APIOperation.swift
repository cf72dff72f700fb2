/// One route of the REST API as `/openapi.yaml` names it (`GET /api/v1/depots/{depotId}`): the
/// unit both the router registration and the OpenAPI check count.
public struct APIOperation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Upper-case HTTP method.
    public let method: String
    /// The path with `{name}` parameters.
    public let path: String

    /// An operation.
    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }

    public var description: String { "\(method) \(path)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }
}
