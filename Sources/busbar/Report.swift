import ArgumentParser

extension Busbar {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export session, charger performance and power use reports as CSV or JSON.")

        func run() async throws {
            try CommandNotAvailable.exit("report", arrivesWith: "the operations surface (issue #8)")
        }
    }
}
