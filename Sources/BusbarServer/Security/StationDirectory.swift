public import DepotModel

/// Every charging station Busbar accepts, by OCPP identity, with the digest its password is checked
/// against. Built once per configuration revision; secrets are read and hashed at build time.
public struct StationDirectory: Sendable {
    /// One station as the upgrade check needs it.
    public struct Entry: Sendable {
        public let depot: DepotID
        public let charger: Charger
        /// nil for profiles 0 and 3, which use no password.
        public let passwordDigest: PasswordDigest?
    }

    private let entries: [String: Entry]

    /// - Throws: every secret that could not be read, so `busbar serve` refuses to start with
    ///   stations nobody could authenticate.
    public init(depots: [Depot], secrets: SecretResolver) throws(StationDirectoryFailure) {
        var entries: [String: Entry] = [:]
        var failures: [SecretResolver.Failure] = []
        for depot in depots {
            for charger in depot.chargers {
                var digest: PasswordDigest?
                if let password = charger.password {
                    do { digest = try secrets.digest(password) } catch { failures.append(error) }
                }
                entries[charger.id.rawValue] = Entry(depot: depot.id, charger: charger, passwordDigest: digest)
            }
        }
        guard failures.isEmpty else { throw StationDirectoryFailure(failures: failures) }
        self.entries = entries
    }

    public func entry(_ identity: String) -> Entry? { entries[identity] }
}

/// Station secrets that could not be read when the directory was built.
public struct StationDirectoryFailure: Error, Sendable, CustomStringConvertible {
    public let failures: [SecretResolver.Failure]
    public var description: String { failures.map { "station password \($0)" }.joined(separator: "\n") }
}
