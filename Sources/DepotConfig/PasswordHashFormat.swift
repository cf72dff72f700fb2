/// The stored form of a station password (docs/reliability.md §4.4): `hmac-sha256$<salt>$<digest>`,
/// a 16-byte salt and an HMAC-SHA256 digest, both in lowercase or uppercase hex.
enum PasswordHashFormat {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "hmac-sha256" else { return false }
        return parts[1].count == 32 && parts[2].count == 64 && parts.dropFirst().allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
