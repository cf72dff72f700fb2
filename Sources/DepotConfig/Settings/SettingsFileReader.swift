import DepotModel
import Yams

/// Reads `config/busbar.yaml` into `BusbarSettings`, collecting every issue of the file.
struct SettingsFileReader {
    static let topLevelKeys: Set<String> = ["listen", "database", "depots", "api", "retention", "log"]

    let log: IssueLog

    func read(_ root: ConfigNode) -> BusbarSettings? {
        guard let top = root.mapping(keys: Self.topLevelKeys) else { return nil }
        let defaults = BusbarSettings()
        let listeners = top.optional("listen").map(readListeners) ?? defaults.listeners
        let database = top.optional("database")?.string() ?? defaults.databasePath
        var patterns = defaults.depotPatterns
        if let depotsNode = top.optional("depots") {
            if depotsNode.isList { patterns = depotsNode.strings() ?? [] } else { patterns = depotsNode.string().map { [$0] } ?? [] }
        }
        let tokens = top.optional("api").map(readAPI) ?? []
        var ocppDays = defaults.ocppLogRetentionDays
        var decisionDays = defaults.decisionRetentionDays
        if let retention = top.optional("retention")?.mapping(keys: ["ocpp_log_days", "decisions_days"]) {
            ocppDays = retention.optional("ocpp_log_days")?.integer(in: 1...3650) ?? ocppDays
            decisionDays = retention.optional("decisions_days")?.integer(in: 1...3650) ?? decisionDays
        }
        var logSettings = defaults.log
        if let logMap = top.optional("log")?.mapping(keys: ["level", "format"]) {
            var level = logSettings.level
            if let levelNode = logMap.optional("level"), let text = levelNode.string() {
                if LogSettings.levels.contains(text) {
                    level = text
                } else {
                    levelNode.report("must be one of \(LogSettings.levels.joined(separator: ", "))")
                }
            }
            let format = logMap.optional("format")?.oneOf(LogSettings.Format.self) ?? logSettings.format
            logSettings = LogSettings(level: level, format: format)
        }
        guard log.issues.isEmpty else { return nil }
        return BusbarSettings(
            listeners: listeners, databasePath: database, depotPatterns: patterns, apiTokens: tokens, ocppLogRetentionDays: ocppDays,
            decisionRetentionDays: decisionDays, log: logSettings
        )
    }

    private func readListeners(_ node: ConfigNode) -> [ListenerSettings] {
        guard let items = node.sequence() else { return [] }
        if items.isEmpty { node.report("give at least one listener") }
        var listeners: [ListenerSettings] = []
        for item in items {
            guard let map = item.mapping(keys: ["address", "port", "tls", "allow_unauthenticated"]) else { continue }
            let address = map.required("address")?.string()
            let port = map.required("port")?.integer(in: 0...65_535)
            var tls: TLSSettings?
            if let tlsMap = map.optional("tls")?.mapping(keys: ["cert_file", "key_file", "client_ca_file"]) {
                let certificate = tlsMap.required("cert_file")?.string()
                let key = tlsMap.required("key_file")?.string()
                let clientCA = tlsMap.optional("client_ca_file")?.string()
                if let certificate, let key { tls = TLSSettings(certificateFile: certificate, keyFile: key, clientCAFile: clientCA) }
            }
            let unauthenticated = map.optional("allow_unauthenticated")?.bool() ?? false
            guard let address, let port else { continue }
            let listener = ListenerSettings(address: address, port: port, tls: tls, allowUnauthenticated: unauthenticated)
            if unauthenticated && !listener.isLoopback {
                map.optional("allow_unauthenticated")?.report("unauthenticated stations are allowed on loopback listeners only (127.0.0.1, ::1)")
            }
            if listeners.contains(where: { $0.address == address && $0.port == port && port != 0 }) {
                map.optional("port")?.report("another listener already uses \(address):\(port)")
            }
            listeners.append(listener)
        }
        return listeners
    }

    private func readAPI(_ node: ConfigNode) -> [APITokenSettings] {
        guard let map = node.mapping(keys: ["tokens"]), let items = map.optional("tokens")?.sequence() else { return [] }
        return items.compactMap { item in
            guard let tokenMap = item.mapping(keys: ConfigMapping.secretKeys("token").union(["scope", "tenant"])) else { return nil }
            let token = tokenMap.secret("token", required: true)
            let scopeNode = tokenMap.optional("scope")
            let tenant: TenantID? = tokenMap.optional("tenant")?.identifier()
            var scope: APITokenSettings.Scope?
            switch (scopeNode?.string(), tenant) {
            case ("admin", nil): scope = .admin
            case (nil, let tenant?): scope = .tenant(tenant)
            case (nil, nil): item.report("give scope: admin or tenant: <tenant id>")
            case ("admin", _?): item.report("a token is either admin or scoped to one tenant, not both")
            case (let other?, _): scopeNode?.report("scope must be admin (use tenant: <id> for a tenant token); found \"\(other)\"")
            }
            guard let token, let scope else { return nil }
            return APITokenSettings(token: token, scope: scope)
        }
    }
}
