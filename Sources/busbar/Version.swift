import ArgumentParser
import BusbarServer

extension Busbar {
    /// Prints the versions of Busbar and of the Lua and SQLite libraries it runs on.
    struct Version: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the versions of Busbar, Lua and SQLite.")

        func run() throws {
            print(BuildInfo.current())
        }
    }
}
