import DepotModel

extension DepotFileReader {
    func readNotifications(_ node: ConfigNode) -> NotificationSettings? {
        guard let map = node.mapping(keys: ["email", "sms", "webhooks"]) else { return nil }
        let email = map.optional("email").flatMap(readEmail)
        let sms = map.optional("sms").flatMap(readSMS)
        let webhooks = map.optional("webhooks")?.sequence()?.compactMap(readWebhook) ?? []
        return NotificationSettings(email: email, sms: sms, webhooks: webhooks)
    }

    private func readEmail(_ node: ConfigNode) -> SMTPSettings? {
        guard let outer = node.mapping(keys: ["smtp"]), let smtp = outer.required("smtp") else { return nil }
        let keys = ConfigMapping.secretKeys("username").union(ConfigMapping.secretKeys("password")).union(["host", "port", "starttls", "from"])
        guard let map = smtp.mapping(keys: keys) else { return nil }
        let host = map.required("host")?.string()
        let port = map.optional("port")?.integer(in: 1...65_535) ?? 587
        let startTLS = map.optional("starttls")?.bool() ?? true
        let from = map.required("from")?.string()
        if let from, !from.contains("@") { map.optional("from")?.report("not an email address: \(from)") }
        let username = map.secret("username", required: false)
        let password = map.secret("password", required: false)
        if (username == nil) != (password == nil) { smtp.report("give both a username and a password, or neither") }
        guard let host, let from else { return nil }
        return SMTPSettings(host: host, port: port, startTLS: startTLS, from: from, username: username, password: password)
    }

    private func readSMS(_ node: ConfigNode) -> SMSGatewaySettings? {
        guard let outer = node.mapping(keys: ["gateway"]), let gateway = outer.required("gateway"),
            let map = gateway.mapping(keys: ConfigMapping.secretKeys("token").union(["url"]))
        else { return nil }
        let url = map.required("url").flatMap(httpURL)
        let token = map.secret("token", required: false)
        return url.map { SMSGatewaySettings(url: $0, token: token) }
    }

    private func readWebhook(_ node: ConfigNode) -> WebhookSettings? {
        guard let map = node.mapping(keys: ConfigMapping.secretKeys("secret").union(["url", "events"])) else { return nil }
        let url = map.required("url").flatMap(httpURL)
        let secret = map.secret("secret", required: true)
        let events = map.optional("events")?.strings() ?? ["*"]
        guard let url, let secret else { return nil }
        return WebhookSettings(url: url, secret: secret, events: events)
    }

    private func httpURL(_ node: ConfigNode) -> String? {
        guard let text = node.string() else { return nil }
        guard text.hasPrefix("https://") || text.hasPrefix("http://") else {
            node.report("expected an http:// or https:// URL")
            return nil
        }
        return text
    }
}
