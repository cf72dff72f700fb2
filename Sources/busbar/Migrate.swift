import ArgumentParser
import DepotConfig
import Foundation
import Storage

extension Busbar {
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database or bring its schema up to date (migrations are append-only).")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let path: String
            if let db = options.db {
                path = db
            } else {
                do {
                    path = try SettingsFileLoader.load(path: options.config).databasePath
                } catch {
                    for issue in error.issues { printError(issue.description) }
                    throw ExitCode(1)
                }
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = BusbarStore(try BusbarDatabase.open(path: path))
            let applied = try await store.appliedMigrations()
            print("\(path): schema up to date, \(applied.count) migrations applied")
            for migration in applied { print("  \(migration)") }
        }
    }
}
