import ArgumentParser
import DepotModel
import Foundation
import PowerSolver

extension SolverBench {
    /// The allocator benchmark (docs/solver.md §8): ticks with meter noise and occasional stale
    /// readings on a generated tree; median and p99 tick time against a reference progressive
    /// filling in the same run.
    struct Allocate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Allocator tick times.")

        @Option(parsing: .upToNextOption, help: "Session counts.")
        var sessions: [Int] = [10, 100, 500, 2000]
        @Option(help: "Ticks per session count.")
        var ticks: Int = 1000
        @Option(help: "Ticks for the (slow) reference implementation.")
        var referenceTicks: Int = 100

        func run() throws {
            print("N\tmedian_ms\tp99_ms\tcpu_median_ms\tcpu_p99_ms\treference_median_ms\treference_p99_ms\tratio_median")
            for count in sessions {
                let now = Date(timeIntervalSince1970: 1_768_492_800)
                let base = AllocationScenario.make(sessionCount: count, seed: UInt64(count), now: now, tightness: 1.5)
                var random = SplitMix64(seed: 7)
                var held: [ConnectorAddress: Date] = [:]
                var times: [Double] = []
                var cpuTimes: [Double] = []
                var referenceTimes: [Double] = []
                let clock = ContinuousClock()
                for tick in 0..<ticks {
                    let input = noisy(base, tick: tick, held: held, random: &random)
                    let started = clock.now
                    let cpuStarted = Self.threadCPUMilliseconds()
                    let allocation = try Allocator().allocate(input)
                    cpuTimes.append(Self.threadCPUMilliseconds() - cpuStarted)
                    times.append((clock.now - started).secondsValue * 1000)
                    held = Dictionary(uniqueKeysWithValues: allocation.limits.compactMap { limit in limit.admittedSince.map { (limit.id, $0) } })
                    if tick < referenceTicks {
                        let referenceStart = clock.now
                        _ = ReferenceFilling.allocate(input)
                        referenceTimes.append((clock.now - referenceStart).secondsValue * 1000)
                    }
                }
                let median = Self.percentile(times, 0.5)
                let referenceMedian = Self.percentile(referenceTimes, 0.5)
                print(
                    String(
                        format: "%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f", count, median, Self.percentile(times, 0.99),
                        Self.percentile(cpuTimes, 0.5), Self.percentile(cpuTimes, 0.99), referenceMedian,
                        Self.percentile(referenceTimes, 0.99), median / referenceMedian))
            }
        }

        /// The base tick with ±3 % meter noise on every node, a 1 % chance per cabinet of a stale
        /// meter, and the admissions of the previous tick.
        func noisy(_ base: AllocationInput, tick: Int, held: [ConnectorAddress: Date], random: inout SplitMix64) -> AllocationInput {
            let now = base.now.addingTimeInterval(Double(tick) * 2)
            let nodes = base.nodes.map { node in
                AllocationNode(
                    id: node.id, parent: node.parent, capacity: node.capacity * random.uniform(0.97, 1.03),
                    meterIsStale: node.id.hasPrefix("C") && random.unit() < 0.01)
            }
            let sessions = base.sessions.map { session in
                AllocationSession(
                    id: session.id, node: session.node, minimum: session.minimum, maximum: session.maximum, target: session.target,
                    tier: session.tier, laxity: session.laxity, departure: session.departure, step: session.step, tenant: session.tenant,
                    admittedSince: held[session.id], need: session.need)
            }
            return AllocationInput(now: now, nodes: nodes, sessions: sessions, envelope: base.envelope, tenantBudgets: base.tenantBudgets)
        }

        /// CPU time of this thread: on a shared machine it shows the work without the waiting.
        static func threadCPUMilliseconds() -> Double {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
        }

        static func percentile(_ values: [Double], _ share: Double) -> Double {
            guard !values.isEmpty else { return .nan }
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * share).rounded()))]
        }
    }
}
