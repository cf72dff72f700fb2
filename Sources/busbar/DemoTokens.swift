import DepotConfig
import DepotModel
import Foundation

/// The demo's API tokens, new random ones each run: one admin token and one per tenant, so the
/// printed map links show the whole depot and each tenant's part. They reach the server the way
/// `busbar serve`'s `token_env` tokens do, through environment entries only the demo's resolver sees.
struct DemoTokens {
    let admin: String
    let tenants: [(tenant: Tenant, token: String)]

    init(depot: Depot) {
        admin = Self.newToken()
        tenants = depot.tenants.map { ($0, Self.newToken()) }
    }

    /// The API token settings that go with ``environment``.
    var settings: [APITokenSettings] {
        [APITokenSettings(token: .environment("BUSBAR_DEMO_ADMIN_TOKEN"), scope: .admin)]
            + tenants.enumerated().map { index, entry in
                APITokenSettings(token: .environment("BUSBAR_DEMO_TENANT_TOKEN_\(index)"), scope: .tenant(entry.tenant.id))
            }
    }

    /// The tokens under the names ``settings`` refer to.
    var environment: [String: String] {
        var values = ["BUSBAR_DEMO_ADMIN_TOKEN": admin]
        for (index, entry) in tenants.enumerated() { values["BUSBAR_DEMO_TENANT_TOKEN_\(index)"] = entry.token }
        return values
    }

    /// The live map's address with the token in the fragment, which browsers never send to the server.
    static func mapURL(port: Int, depot: DepotID, token: String) -> String {
        "http://127.0.0.1:\(port)/?depot=\(depot)#token=\(token)"
    }

    /// 32 random bytes as hex.
    private static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
