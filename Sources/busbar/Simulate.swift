import ArgumentParser
import DepotConfig
import DepotModel
import DepotRuntime
import DepotSimulator
import Foundation
import Logging
import OCPP

extension Busbar {
    /// Virtual chargers against a running Busbar, for the demo, end-to-end checks and load tests.
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drive simulated OCPP 1.6 and 2.0.1 chargers against a Busbar server.",
            discussion: """
                Without --chargers, simulates the chargers and the daily timetable of the depot file. With --chargers N, \
                simulates N single-connector stations SIM-0001… (odd 1.6, even 2.0.1) for load tests. Prints one summary \
                line per --report-every of simulated time. Exit 0 after --duration, 1 on failure.
                """
        )

        /// How stations learn their password.
        enum PasswordScheme: String, ExpressibleByArgument, CaseIterable {
            case demo
            case env
        }

        @Option(help: "The Busbar OCPP listener.")
        var url = "ws://127.0.0.1:8180"

        @Option(help: "The depot file whose chargers and timetable to simulate.")
        var depot = "config/depots/demo.yaml"

        @Option(help: "Simulate N generated stations instead of a depot file.")
        var chargers: Int?

        @Option(help: "Seed for message ids, arrivals and back-off.")
        var seed: UInt64 = 1

        @Option(help: "Simulated seconds per real second.")
        var speed: Double = 1

        @Option(help: "Simulated run time in seconds.")
        var duration: Double = 3600

        @Option(help: "Simulated seconds between summary lines.")
        var reportEvery: Double = 60

        @Option(help: "demo: sha256(\"busbar-demo:\" + id), first 40 hex digits; env: BUSBAR_SIM_PASSWORD for every station.")
        var passwordScheme: PasswordScheme = .demo

        func validate() throws {
            if let chargers, chargers < 1 || chargers > 100_000 { throw ValidationError("--chargers must be between 1 and 100000") }
            if speed <= 0 { throw ValidationError("--speed must be positive") }
            if duration <= 0 { throw ValidationError("--duration must be positive") }
            if reportEvery <= 0 { throw ValidationError("--report-every must be positive") }
        }

        func run() async throws {
            let passwords: StationPasswords
            switch passwordScheme {
            case .demo: passwords = .demo
            case .env:
                guard let password = ProcessInfo.processInfo.environment["BUSBAR_SIM_PASSWORD"], !password.isEmpty else {
                    printError("BUSBAR_SIM_PASSWORD is not set")
                    throw ExitCode.failure
                }
                passwords = .fixed(password)
            }
            let clock = AcceleratedClock(origin: Date(), factor: speed)
            let plan: SimulationPlan
            if let chargers {
                plan = .synthetic(count: chargers, version: nil, start: clock.now(), seed: seed)
            } else {
                do throws(ConfigCheckFailure) {
                    plan = SimulationPlan(depot: try DepotFileLoader.load(path: depot), start: clock.now(), seed: seed)
                } catch {
                    printError(error.description)
                    throw ExitCode.failure
                }
            }
            let simulation = Simulation(
                plan: plan, baseURL: url, passwords: passwords, clock: clock, tick: .seconds(max(1, speed / 10)),
                callTimeout: 30 * speed, seed: seed,
                logger: Logger(label: "busbar.simulate")
            )
            print("simulating \(plan.stations.count) stations, \(plan.visits.count) vehicle visits against \(url)")
            let summary = await simulation.run(for: .seconds(duration), reportInterval: .seconds(reportEvery)) { print($0) }
            if summary.framesTotal == 0 {
                printError("no OCPP message was exchanged with \(url)")
                throw ExitCode.failure
            }
        }
    }
}
