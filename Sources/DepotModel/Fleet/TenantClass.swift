/// Fleet sessions are served before public ones (public users get what remains, first come first served).
public enum TenantClass: String, Hashable, Codable, Sendable, CaseIterable {
    case fleet
    case `public`
}
