import ArgumentParser
import PowerSolver

/// The name of an instance on the command line: family, N, slot, θ, seed.
struct InstanceOptions: ParsableArguments {
    @Option(help: "Family: \(InstanceFamily.allCases.map(\.rawValue).joined(separator: ", ")).")
    var family: String = "base"
    @Option(name: .customLong("n"), help: "Number of vehicles.")
    var vehicles: Int = 100
    @Option(help: "Slot length in minutes (15 or 5).")
    var slot: Int = 15
    @Option(help: "Grid limit as a share of the free peak.")
    var theta: Double = 1.0
    @Option(help: "Generator seed.")
    var seed: UInt64 = 1

    func spec() throws -> InstanceSpec {
        guard let family = InstanceFamily(rawValue: family) else { throw ValidationError("unknown family \(family)") }
        return InstanceSpec(family: family, vehicles: vehicles, slotMinutes: slot, theta: theta, seed: seed)
    }
}
