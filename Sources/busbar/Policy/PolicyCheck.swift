import ArgumentParser
import DepotConfig
import DepotModel
import PolicyEngine

extension Busbar.Policy {
    /// `busbar policy check`: what CI and a reload run before a revision may go live.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile and shape-check the policies of every depot and the built-in defaults.",
            discussion: """
                Without DEPOT-FILES, checks the depots of the settings file (--config). Prints one line per depot and \
                domain: the file that decides it and `ok`, or the error with file:line (to standard error). A domain \
                without a file is decided by the built-in default in --defaults, which is checked too. \
                Exit codes: 0 all policies compile and have the contract's shape, 1 errors found.
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var policyOptions: PolicyOptions

        @Argument(help: ArgumentHelp("Depot files to check.", valueName: "depot-files"))
        var depotFiles: [String] = []

        func run() async throws {
            var errors = 0
            for file in try depotFilesToCheck() {
                guard let depot = try? DepotPolicies.load(depotFile: file) else {
                    errors += 1
                    continue
                }
                guard let revision = depot.revision else {
                    print("\(depot.depot) all domains: built-in defaults")
                    continue
                }
                errors += report(revision, name: depot.depot.rawValue)
            }
            errors += report(try policyOptions.defaultsRevision(), name: "defaults")
            guard errors == 0 else {
                printError("\(errors) policy error\(errors == 1 ? "" : "s")")
                throw ExitCode(1)
            }
        }

        private func depotFilesToCheck() throws -> [String] {
            guard depotFiles.isEmpty else { return depotFiles }
            do {
                return SettingsFileLoader.depotFiles(of: try SettingsFileLoader.load(path: options.config))
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode(1)
            }
        }

        /// Prints one line per domain and returns how many failed. Each file is compiled on its
        /// own first, so a syntax error is reported once, at its own domain.
        private func report(_ revision: PolicyRevision, name: String) -> Int {
            var broken: [String: PolicyError] = [:]
            for (path, text) in revision.files {
                let alone = PolicyRevision(folder: revision.folder, files: [path: text], domains: [:], budget: revision.budget)
                if let error = PolicyEngine.check(alone) { broken[path] = error }
            }
            let compiled = revision.files.filter { broken[$0.key] == nil }
            var errors = 0
            for domain in PolicyDomain.allCases {
                guard let path = revision.domains[domain] else {
                    print("\(name) \(domain.rawValue): built-in default")
                    continue
                }
                let error =
                    broken[path]
                    ?? PolicyEngine.check(PolicyRevision(folder: revision.folder, files: compiled, domains: [domain: path], budget: revision.budget))
                if let error {
                    printError("\(name) \(domain.rawValue): \(error.message)")
                    errors += 1
                } else {
                    print("\(name) \(domain.rawValue): ok \(revision.folder)/\(path)")
                }
            }
            return errors
        }
    }
}
