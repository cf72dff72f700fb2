import BusbarServer
import Foundation
import HTTPTypes
import Testing
import Yams

/// `/openapi.yaml` is kept true: the operations it documents are exactly those the server
/// registers, and the server serves the document as it is checked in.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static let file = APIHarness.repository.appendingPathComponent("Sources/BusbarServer/API/openapi.yaml")
    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// The (method, path) pairs of the document.
    static func documented() throws -> Set<APIOperation> {
        let document = try #require(try Yams.load(yaml: String(contentsOf: file, encoding: .utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        var operations: Set<APIOperation> = []
        for (path, item) in paths {
            let item = try #require(item as? [String: Any])
            for method in methods where item[method] != nil { operations.insert(APIOperation(method: method.uppercased(), path: path)) }
        }
        return operations
    }

    @Test func everyRegisteredOperationIsDocumentedAndNothingElse() async throws {
        let documented = try Self.documented()
        try await APIHarness.run { api in
            let registered = Set(api.server.apiOperations)
            #expect(registered.count == api.server.apiOperations.count, "an operation is registered twice")
            #expect(registered.subtracting(documented).sorted() == [], "registered but not in openapi.yaml")
            #expect(documented.subtracting(registered).sorted() == [], "in openapi.yaml but not registered")
        }
    }

    @Test func theServerServesTheCheckedInDocumentWithoutAToken() async throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        try await APIHarness.run { api in
            let answer = try await api.request(.get, "/openapi.yaml", token: nil)
            #expect(answer.status == 200)
            #expect(answer.contentType == "application/yaml")
            #expect(answer.body == text)
        }
    }
}
