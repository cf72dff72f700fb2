import DepotModel
import Logging

/// The vehicles that may post VDV 261 messages, by VIN (the Basic-auth user name, docs/vdv.md B2), each
/// with the digest of its `vdv261_password` only.
///
/// A vehicle without a password, or whose password cannot be read, is left out (with a warning
/// for the unreadable one): it cannot log in.
struct VehicleDirectory: Sendable {
    /// One vehicle that may log in.
    struct Entry: Sendable {
        let depot: DepotID
        let vehicle: Vehicle
        let digest: PasswordDigest
    }

    private let entries: [String: Entry]

    init(depots: [Depot], secrets: SecretResolver, logger: Logger) {
        var entries: [String: Entry] = [:]
        for depot in depots {
            for vehicle in depot.vehicles {
                guard let vin = vehicle.vin, let reference = vehicle.vdv261Password else { continue }
                do {
                    entries[vin] = Entry(depot: depot.id, vehicle: vehicle, digest: try secrets.digest(reference))
                } catch {
                    logger.warning(
                        "VDV 261 vehicle cannot log in: its password cannot be read", metadata: ["vehicle.id": "\(vehicle.id)", "error": "\(error)"])
                }
            }
        }
        self.entries = entries
    }

    /// The vehicle for a VIN and password, or nil (unknown VIN or wrong password, compared in constant time).
    func authenticate(vin: String, password: String) -> Entry? {
        guard let entry = entries[vin], entry.digest.matches(password) else { return nil }
        return entry
    }
}
