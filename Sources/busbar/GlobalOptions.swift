import ArgumentParser

/// Options every command that touches the installation shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The process settings file.")
    var config: String = "config/busbar.yaml"

    @Option(name: .long, help: "The SQLite database file (overrides `database` in the settings file).")
    var db: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?
}
