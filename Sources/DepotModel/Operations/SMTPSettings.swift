/// An SMTP relay for email notifications.
public struct SMTPSettings: Hashable, Codable, Sendable {
    public let host: String
    public let port: Int
    public let startTLS: Bool
    public let from: String
    public let username: SecretReference?
    public let password: SecretReference?

    public init(
        host: String, port: Int = 587, startTLS: Bool = true, from: String, username: SecretReference? = nil, password: SecretReference? = nil
    ) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.from = from
        self.username = username
        self.password = password
    }
}
