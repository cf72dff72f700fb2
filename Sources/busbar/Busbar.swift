import ArgumentParser

/// The `busbar` command: one binary for the server, the demo and the operator's dry-run tools.
@main
struct Busbar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "busbar",
        abstract: "Charging management for electric bus and truck depots.",
        discussion: """
            Exit codes: 0 success, 1 failure (invalid input, errors), 2 differences or failed cases in dry runs.
            """,
        version: "busbar \(BusbarVersion.text)",
        subcommands: [
            Serve.self, Demo.self, Config.self, Charger.self, Policy.self, Plan.self, Simulate.self, Report.self, Migrate.self, Version.self,
        ]
    )
}
