import ArgumentParser
import DepotConfig
import Foundation

extension Busbar {
    /// Configuration-as-code tools.
    struct Config: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with the configuration files (config/busbar.yaml, config/depots/*.yaml).",
            subcommands: [Check.self]
        )

        struct Check: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Validate configuration files and report every problem as file:line:col key.path: message.",
                discussion: """
                    Without FILES, checks the settings file (--config) and the depot files it lists. A folder checks every \
                    YAML file in it. Exit codes: 0 all valid, 1 problems found (all printed, to standard error).
                    """
            )

            @OptionGroup var options: GlobalOptions

            @Flag(name: .long, help: "Print what each valid file holds.")
            var summary = false

            @Argument(help: "Files or folders to check.")
            var files: [String] = []

            func run() async throws {
                let (checked, issues) = ConfigurationCheck.run(paths: files.isEmpty ? [options.config] : files)
                for file in checked {
                    print(summary ? ConfigSummary.describe(file) : "ok \(file.path)")
                }
                guard issues.isEmpty else {
                    for issue in issues { printError(issue.description) }
                    let fileCount = Set(issues.map(\.file)).count
                    printError("\(issues.count) problem\(issues.count == 1 ? "" : "s") in \(fileCount) file\(fileCount == 1 ? "" : "s")")
                    throw ExitCode(1)
                }
            }
        }
    }
}
