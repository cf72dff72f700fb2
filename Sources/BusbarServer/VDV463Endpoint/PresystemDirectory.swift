import DepotModel
import Logging

/// The VDV 463 presystems Busbar accepts, by Basic-auth user name (docs/vdv.md A2): each is bound to one
/// tenant of one depot and holds only the digest of its password.
///
/// A presystem whose password cannot be read (an unset `password_env`) is left out with a warning,
/// so `busbar serve` still starts for the demo; that presystem simply cannot log in.
struct PresystemDirectory: Sendable {
    /// One configured presystem.
    struct Entry: Sendable {
        let presystemID: String
        let depot: DepotID
        let tenant: TenantID
        let digest: PasswordDigest
    }

    private let entries: [String: Entry]

    init(depots: [Depot], secrets: SecretResolver, logger: Logger) {
        var entries: [String: Entry] = [:]
        for depot in depots {
            for tenant in depot.tenants {
                for presystem in tenant.presystems {
                    do {
                        let digest = try secrets.digest(presystem.password)
                        entries[presystem.username] = Entry(
                            presystemID: presystem.presystemID, depot: depot.id, tenant: tenant.id, digest: digest)
                    } catch {
                        logger.warning(
                            "VDV 463 presystem cannot log in: its password cannot be read",
                            metadata: ["vdv.presystem": "\(presystem.presystemID)", "error": "\(error)"])
                    }
                }
            }
        }
        self.entries = entries
    }

    /// The presystem for a user name and password, or nil (unknown user or wrong password, compared
    /// in constant time).
    func authenticate(username: String, password: String) -> Entry? {
        guard let entry = entries[username], entry.digest.matches(password) else { return nil }
        return entry
    }
}
