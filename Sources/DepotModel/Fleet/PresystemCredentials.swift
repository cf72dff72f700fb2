/// How one upstream planning system (VDV 463 "presystem": depot management system or ITCS) of a
/// tenant authenticates; the presystem sees and requests only its tenant's vehicles and points.
public struct PresystemCredentials: Hashable, Codable, Sendable {
    public let presystemID: String
    public let username: String
    public let password: SecretReference

    public init(presystemID: String, username: String, password: SecretReference) {
        self.presystemID = presystemID
        self.username = username
        self.password = password
    }
}
