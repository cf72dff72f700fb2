import ArgumentParser
import DepotConfig
import DepotModel
import Foundation
import Reports
import Storage

extension Busbar {
    /// Exports a report from the database: sessions, charger performance or power use.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export session, charger performance and power use reports as CSV or JSON.",
            discussion: """
                Reads the database named by --db or the settings file, and the depot file config/depots/<depot>.yaml \
                (or the settings' depot file of that id) for tenants, billing, blocks and the timetable. The period is \
                [--from, --to) in ISO 8601 (e.g. 2026-11-24T22:00:00Z); by default the 24 hours before --to or now. \
                JSON echoes the period and filters and explains how the numbers are derived; CSV is one table with a header row.
                """)

        @Argument(help: "The report: sessions, chargers or power.")
        var kind: String

        @Option(help: "The depot id.")
        var depot: String

        @Option(help: "Only this tenant's sessions and power.")
        var tenant: String?

        @Option(help: "Only this vehicle's sessions and power.")
        var vehicle: String?

        @Option(help: "Start of the period, ISO 8601 (default: 24 hours before --to).")
        var from: String?

        @Option(help: "End of the period, ISO 8601 (default: now).")
        var to: String?

        @Option(help: "Output format: json or csv.")
        var format: String = "json"

        @Option(help: "Write the report to this file instead of standard output.")
        var output: String?

        @OptionGroup var options: GlobalOptions

        func validate() throws {
            guard ReportKind(rawValue: kind) != nil else { throw ValidationError("<kind> must be sessions, chargers or power, not '\(kind)'") }
            guard ReportFormat(rawValue: format) != nil else { throw ValidationError("--format must be json or csv, not '\(format)'") }
            let period = try period(now: Date())
            guard period.lowerBound < period.upperBound else { throw ValidationError("--from must be before --to") }
        }

        func run() async throws {
            let kind = ReportKind(rawValue: kind) ?? .sessions
            let format = ReportFormat(rawValue: format) ?? .json
            let (depot, databasePath) = try locate()
            guard FileManager.default.fileExists(atPath: databasePath) else {
                throw ValidationError("--db: no database at \(databasePath)")
            }
            guard tenant.map({ depot.tenant(TenantID($0)) != nil }) ?? true else {
                throw ValidationError("--tenant: depot \(depot.id) has no tenant '\(tenant ?? "")'")
            }
            let request = ReportRequest(
                depot: depot.id, tenant: tenant.map { TenantID($0) }, vehicle: vehicle.map { VehicleID($0) }, period: try period(now: Date()))
            let store = BusbarStore(try BusbarDatabase.open(path: databasePath))
            let records = try await store.reportRecords(depot: depot.id, tenant: request.tenant, period: request.period)
            let text = try kind.render(request, depot: depot, records: records, as: format)
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } else {
                print(text, terminator: "")
            }
        }

        /// `[--from, --to)`, defaulting to the 24 hours before `--to` or `now`.
        private func period(now: Date) throws -> Range<Date> {
            let end = try to.map { try Self.instant($0, option: "--to") } ?? now
            let start = try from.map { try Self.instant($0, option: "--from") } ?? ReportRequest.lastDay(before: end).lowerBound
            return start..<max(start, end)
        }

        private static func instant(_ text: String, option: String) throws -> Date {
            if let date = ReportRequest.instant(text) { return date }
            throw ValidationError("\(option) must be an ISO 8601 time with a zone, e.g. 2026-11-24T22:00:00Z, not '\(text)'")
        }

        /// The depot file of `--depot` and the database path, from the settings file and `--db`.
        private func locate() throws -> (Depot, String) {
            let settings: BusbarSettings
            do {
                settings = try SettingsFileLoader.load(path: options.config)
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode(1)
            }
            let files = SettingsFileLoader.depotFiles(of: settings)
            guard let file = files.first(where: { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent == depot }) else {
                let known = files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
                throw ValidationError("--depot: no depot '\(depot)' in \(options.config) (known: \(known.joined(separator: ", ")))")
            }
            do {
                let loaded = try DepotFileLoader.load(path: file)
                guard loaded.id.rawValue == depot else { throw ValidationError("--depot: \(file) declares depot '\(loaded.id)', not '\(depot)'") }
                return (loaded, options.db ?? settings.databasePath)
            } catch let failure as ConfigCheckFailure {
                for issue in failure.issues { printError(issue.description) }
                throw ExitCode(1)
            }
        }
    }
}
