import ArgumentParser

extension Busbar {
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drive simulated OCPP 1.6 and 2.0.1 chargers against a Busbar server.")

        func run() async throws {
            try CommandNotAvailable.exit("simulate", arrivesWith: "the charger simulator (issue #3)")
        }
    }
}
