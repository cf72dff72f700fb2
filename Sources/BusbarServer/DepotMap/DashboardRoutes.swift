import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves the live depot map (`Sources/BusbarServer/Dashboard/`, bundled as a resource): the page
/// at `/` and its script and style under `/dashboard/…`. No build step and nothing from other
/// hosts, so the map works on a depot network without internet; the Content-Security-Policy
/// allows only these files and the API on the same origin.
struct DashboardRoutes: Sendable {
    /// One file, read once at start.
    struct Asset: Sendable {
        let body: ByteBuffer
        let contentType: String
        let etag: String
    }

    /// The bundled files by name, with their content types.
    static let files = [
        "index.html": "text/html; charset=utf-8", "dashboard.js": "text/javascript; charset=utf-8", "dashboard.css": "text/css; charset=utf-8",
    ]

    /// Only same-origin scripts, styles and API calls; no frames, no plugins, no inline code.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    let assets: [String: Asset]

    /// Reads the bundled files; throws when the resource bundle lacks one (a broken installation).
    init() throws {
        let folder = Bundle.module.bundleURL.appendingPathComponent("Dashboard")
        var assets: [String: Asset] = [:]
        for (name, contentType) in Self.files {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let digest = SHA256.hash(data: data).prefix(12).map { String(format: "%02x", $0) }.joined()
            assets[name] = Asset(body: ByteBuffer(bytes: data), contentType: contentType, etag: "\"\(digest)\"")
        }
        self.assets = assets
    }

    func register(on router: Router<BusbarRequestContext>) {
        router.get("/") { request, _ in try respond(with: "index.html", to: request) }
        router.get("/dashboard/:file") { request, context in try respond(with: context.parameters.get("file") ?? "", to: request) }
    }

    /// The file, or 304 when the browser's copy is current (`no-cache`: always revalidated, so a
    /// new Busbar version is picked up at the next load).
    private func respond(with name: String, to request: Request) throws -> Response {
        guard let asset = assets[name] else { throw HTTPError(.notFound) }
        var headers: HTTPFields = [
            .contentType: asset.contentType, .cacheControl: "no-cache", .eTag: asset.etag,
            .contentSecurityPolicy: Self.contentSecurityPolicy, HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ]
        if request.headers[.ifNoneMatch] == asset.etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
    }
}
