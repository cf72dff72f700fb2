import ArgumentParser

extension Busbar {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a live demo depot: the server, simulated chargers and buses, and an accelerated night.")

        func run() async throws {
            try CommandNotAvailable.exit("demo", arrivesWith: "the depot runtime (issue #6); `make demo` checks the demo depot meanwhile")
        }
    }
}
