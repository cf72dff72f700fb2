import ArgumentParser
import Foundation
import PowerSolver

extension SolverBench {
    /// Writes one generated instance as JSON (`<out>/<name>.json`).
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Generate an instance as JSON.")

        @OptionGroup var instance: InstanceOptions
        @Option(help: "Output directory.")
        var out: String = "bench/results/instances"

        func run() throws {
            let generated = try InstanceGenerator.make(try instance.spec())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(InstanceFile(instance: generated, lp: LPData(generated)))
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let path = "\(out)/\(generated.spec).json"
            try data.write(to: URL(fileURLWithPath: path))
            print(path)
        }
    }
}
