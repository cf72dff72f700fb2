import ArgumentParser
import BusbarServer

extension Busbar {
    /// Station credential tools.
    struct Charger: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage charger credentials.",
            subcommands: [Password.self]
        )

        struct Password: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Generate a station password and the password_hash line for the depot file.",
                discussion: """
                    Prints a new random password (20 bytes as 40 hex characters, valid for OCPP 1.6 AuthorizationKey and \
                    2.0.1 BasicAuthPassword) and its salted HMAC-SHA256 hash. Configure the password on the station and \
                    put only the hash in the depot file. With --password, hashes a password you already have.
                    """
            )

            @Option(help: "Hash this password instead of generating one.")
            var password: String?

            func run() async throws {
                let secret = password ?? PasswordDigest.generatePassword()
                if password == nil { print("password: \(secret)") }
                print("password_hash: \"\(PasswordDigest(hashing: secret))\"")
            }
        }
    }
}
