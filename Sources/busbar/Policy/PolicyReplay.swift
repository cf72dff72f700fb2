import ArgumentParser
import DepotConfig
import DepotModel
import Foundation
import PolicyEngine
import Storage

extension Busbar.Policy {
    /// `busbar policy replay`: what a policy change would have decided differently, judged on the
    /// inputs a running depot actually recorded.
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-run recorded decisions with the working-tree (or a git revision's) policies and show the ones that change.",
            discussion: """
                Reads the depot's decision records in [--since, --until) from the database (--db, or the settings \
                file's), evaluates each recorded input again with the policies of the depot file (or of --policies; \
                with --rev, as they were at that git revision), \
                and prints every decision whose output differs: the input summary, the recorded and the new output, and \
                for priority decisions the planner's predicted departure SoCs and site peak under both (the recorded \
                sessions with a known departure, planned from the decision time in 15-minute slots). \
                Exit codes: 0 no differences, 1 error, 2 differences found.
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var policyOptions: PolicyOptions

        @Option(name: .long, help: ArgumentHelp("The depot file: its id selects the records, its policies decide.", valueName: "file"))
        var depot: String

        @Option(name: .long, help: ArgumentHelp("The first recorded decision time: Unix seconds or ISO 8601.", valueName: "time"))
        var since: PolicyTime

        @Option(name: .long, help: ArgumentHelp("Up to (excluding) this time.", valueName: "time"))
        var until: PolicyTime?

        @Option(name: .long, help: ArgumentHelp("Only this domain.", valueName: "domain"), transform: PolicyDomain.argument)
        var domain: PolicyDomain?

        @Option(name: .long, help: ArgumentHelp("A policy folder replacing the depot's (same file names).", valueName: "dir"))
        var policies: String?

        @Option(name: .long, help: ArgumentHelp("Use the policy files as they were at this git revision.", valueName: "git-rev"))
        var rev: String?

        @Option(name: .long, help: "At most this many decisions, oldest first.")
        var limit = 10_000

        @Flag(name: .long, help: "Print JSON instead of text.")
        var json = false

        func validate() throws {
            if let until, until.date <= since.date { throw ValidationError("--until must be later than --since") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            let depotPolicies = try DepotPolicies.load(depotFile: depot, folder: policies, git: rev.map(GitRevision.init))
            let engine = try await depotPolicies.engine(defaults: try policyOptions.defaultsRevision())
            let records = try await recorded(depot: depotPolicies.depot)
            var changes: [ReplayedDecision] = []
            for record in records {
                guard let input = try? JSONDecoder().decode(SettingValue.self, from: Data(record.input.utf8)),
                    let replayed = try? await PolicyCaseRunner.evaluate(engine, domain: record.domain, state: input, now: record.now)
                else {
                    printError("decision \(record.id): its recorded input cannot be evaluated again")
                    throw ExitCode(1)
                }
                guard replayed.output != record.output else { continue }
                let prediction: ReplayPrediction?
                do {
                    prediction =
                        record.domain == .priority
                        ? try ReplayPrediction.make(
                            depot: depotPolicies.configuration, input: input, recorded: record.output, replayed: replayed.output) : nil
                } catch {
                    printError("decision \(record.id): no prediction: \(error)")
                    prediction = nil
                }
                changes.append(
                    ReplayedDecision(
                        recorded: record, replayed: replayed, input: PolicyInput(state: input).summary(domain: record.domain),
                        prediction: prediction))
            }
            if json {
                print(JSONText.text(["replayed": records.count, "changed": changes.map(\.json)], pretty: true))
            } else {
                for change in changes { print(change.text) }
                print("\(records.count) decision\(records.count == 1 ? "" : "s") replayed, \(changes.count) changed")
            }
            if records.count == limit { printError("stopped at --limit \(limit); narrow --since/--until to see the rest") }
            if !changes.isEmpty { throw ExitCode(2) }
        }

        private func recorded(depot: DepotID) async throws -> [PolicyDecisionRecord] {
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
            guard FileManager.default.fileExists(atPath: path) else {
                printError("\(path): no such database")
                throw ExitCode(1)
            }
            let store = BusbarStore(try BusbarDatabase.open(path: path))
            return try await store.decisions(depot: depot, domain: domain, since: since.date, until: until?.date, limit: limit)
        }
    }
}
