/// An HTTP gateway that sends SMS: Busbar POSTs JSON with a bearer token.
public struct SMSGatewaySettings: Hashable, Codable, Sendable {
    public let url: String
    public let token: SecretReference?

    public init(url: String, token: SecretReference? = nil) {
        self.url = url
        self.token = token
    }
}
