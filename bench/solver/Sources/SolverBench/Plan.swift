import ArgumentParser
import DepotModel
import Foundation
import PowerSolver

extension SolverBench {
    /// Solves an instance, prints the stage objectives and the in-process solve time, and writes
    /// the plan (kW per vehicle and slot) as JSON for `compare.py`.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Plan an instance and write the plan as JSON.")

        @Option(help: "Instance JSON written by `generate`.")
        var instance: String
        @Option(help: "Where to write the plan JSON.")
        var out: String
        @Option(help: "Solve this many times and report the median time.")
        var repeats: Int = 1

        func run() throws {
            let file = try InstanceFile.read(instance)
            var times: [Double] = []
            var plan: PowerSolver.Plan?
            for _ in 0..<max(1, repeats) {
                let clock = ContinuousClock()
                let started = clock.now
                plan = try Planner().plan(file.instance.problem)
                times.append((clock.now - started).secondsValue)
            }
            guard let plan else { return }
            let seconds = times.sorted()[times.count / 2]
            for shortfall in plan.objectives.unmet {
                print("stage 1 unmet \(shortfall.kind.rawValue) tier \(shortfall.tier): \(shortfall.energy)")
            }
            print("stage 2 peak: \(plan.objectives.peak)")
            print(String(format: "stage 3 cost: %.4f €", plan.objectives.cost))
            print(String(format: "solve time: %.4f s", seconds))
            let output = PlanOutput(
                name: file.instance.spec.description, seconds: seconds, unmet: plan.objectives.totalUnmet.value,
                peak: plan.objectives.peak.value, cost: plan.objectives.cost,
                power: plan.vehicles.map { $0.power.map(\.value) },
                intrinsic: plan.vehicles.map(\.shortfall.intrinsic.value).reduce(0, +))
            try JSONEncoder().encode(output).write(to: URL(fileURLWithPath: out))
        }
    }
}
