import ArgumentParser

/// The solver benchmark (docs/solver.md §8): generates instances, plans them, measures the allocator.
/// Built only with `BUSBAR_BENCH=1`; `bench/solver/run` drives it together with `compare.py`.
@main
struct SolverBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solver-bench",
        abstract: "Busbar power-solver benchmark.",
        subcommands: [Generate.self, Plan.self, Baselines.self, Receding.self, Allocate.self]
    )
}
