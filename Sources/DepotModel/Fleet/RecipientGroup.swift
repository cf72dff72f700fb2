/// A named group of people an escalation policy can address ("night-shift", "duty-manager").
public struct RecipientGroup: Hashable, Codable, Sendable {
    public let name: String
    public let emails: [String]
    public let phoneNumbers: [String]

    public init(name: String, emails: [String] = [], phoneNumbers: [String] = []) {
        self.name = name
        self.emails = emails
        self.phoneNumbers = phoneNumbers
    }
}
