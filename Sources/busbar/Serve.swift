import ArgumentParser

extension Busbar {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Busbar: OCPP and VDV endpoints, the REST API and the depot map, for the configured depots.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try CommandNotAvailable.exit("serve", arrivesWith: "the OCPP connectivity work (issue #3)")
        }
    }
}
