import ArgumentParser

extension Busbar {
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dry-run the night planner for a depot file, a timetable and a start time.")

        func run() async throws {
            try CommandNotAvailable.exit("plan", arrivesWith: "the power solver (issue #5)")
        }
    }
}
