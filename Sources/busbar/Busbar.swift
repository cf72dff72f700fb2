import ArgumentParser

/// The `busbar` command: one binary for the server, the demo and the operator's dry-run tools.
@main
struct Busbar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "busbar",
        abstract: "Charging management for electric bus and truck depots.",
        subcommands: [Version.self]
    )
}
