import ArgumentParser
import BusbarServer
import DepotConfig
import DepotModel
import Foundation
import PolicyEngine

extension Busbar.Policy {
    /// `busbar policy eval`: one dry run of a depot's policy against a state fixture.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate one policy domain of a depot against a state fixture.",
            discussion: """
                The state file holds the inputs as decision records store them: `ctx` and, except for priority, `ev`. \
                Prints the decision, who decided (the depot's policy, the default or the built-in rule) and the reasons; \
                --explain adds the trace values, the log and the executed lines (file:line ×hits); --json prints one \
                JSON object with sorted keys. Exit codes: 0 the policy decided, 1 error (unreadable input, a policy \
                that does not compile or failed, so the default decided).
                """
        )

        @OptionGroup var policyOptions: PolicyOptions

        @Option(name: .long, help: ArgumentHelp("The depot file whose policies decide.", valueName: "file"))
        var depot: String

        @Option(
            name: .long, help: ArgumentHelp("The domain: priority, enforcement, preconditioning, escalation.", valueName: "domain"),
            transform: PolicyDomain.argument)
        var domain: PolicyDomain

        @Option(name: .long, help: ArgumentHelp("The state fixture (YAML with ctx and ev).", valueName: "file"))
        var state: String

        @Option(name: .long, help: ArgumentHelp("Replaces ctx.now: Unix seconds or ISO 8601.", valueName: "time"))
        var now: PolicyTime?

        @Flag(name: .long, help: "Add trace values, the log and the executed lines.")
        var explain = false

        @Flag(name: .long, help: "Print JSON instead of text.")
        var json = false

        func run() async throws {
            let policies = try DepotPolicies.load(depotFile: depot)
            let input: SettingValue
            do {
                input = try PolicyCaseLoader.state(at: URL(fileURLWithPath: state))
            } catch {
                printError(DisplayPath.shorten("\(error)"))
                throw ExitCode(1)
            }
            let engine = try await policies.engine(defaults: try policyOptions.defaultsRevision())
            let evaluation: PolicyEvaluation
            do {
                evaluation = try await PolicyCaseRunner.evaluate(engine, domain: domain, state: input, now: now?.date, explain: explain)
            } catch {
                printError("\(state): the state does not fit the \(domain.rawValue) inputs: \(error)")
                throw ExitCode(1)
            }
            print(json ? JSONText.text(report(evaluation), pretty: true) : text(evaluation, input: PolicyInput(state: input)))
            if let error = evaluation.record.error {
                let fallback = evaluation.record.decidedBy == .builtInRule ? "the built-in rule" : "the default"
                printError("the policy failed, \(fallback) decided: \(error)")
                throw ExitCode(1)
            }
        }

        private func text(_ evaluation: PolicyEvaluation, input: PolicyInput) -> String {
            let record = evaluation.record
            var lines = ["depot \(record.depot) \(domain.rawValue) at \(record.now.formatted(.iso8601)): decided by \(record.decidedBy.rawValue)"]
            if let items = JSONText.value(record.output) as? [Any] {
                let ids = input.sessionIDs
                for (offset, item) in items.enumerated() {
                    lines.append("  \(offset < ids.count ? ids[offset] : "[\(offset + 1)]"): \(JSONText.text(item))")
                }
            } else {
                lines.append("  \(record.output)")
            }
            lines += record.reasons.map { "  reason: \($0)" }
            guard explain else { return lines.joined(separator: "\n") }
            lines += evaluation.trace.map { "  trace \($0.name) = \($0.value)" }
            lines += evaluation.log.map { "  log: \($0)" }
            lines += Self.sortedLines(evaluation.executedLines).map { "  ran \($0.key) ×\($0.value)" }
            return lines.joined(separator: "\n")
        }

        private func report(_ evaluation: PolicyEvaluation) -> [String: Any] {
            let record = evaluation.record
            var report: [String: Any] = [
                "depot": record.depot.rawValue, "domain": domain.rawValue, "now": record.now.timeIntervalSince1970,
                "revision": record.revision, "decided_by": record.decidedBy.rawValue, "output": JSONText.value(record.output),
                "reasons": record.reasons, "error": record.error ?? NSNull(),
            ]
            if explain {
                report["trace"] = Dictionary(evaluation.trace.map { ($0.name, JSONText.value($0.value)) }, uniquingKeysWith: { _, last in last })
                report["log"] = evaluation.log
                report["executed_lines"] = evaluation.executedLines
            }
            return report
        }

        /// `file:line` keys by file, then by line number.
        static func sortedLines(_ lines: [String: Int]) -> [(key: String, value: Int)] {
            func split(_ key: String) -> (String, Int) {
                guard let colon = key.lastIndex(of: ":") else { return (key, 0) }
                return (String(key[..<colon]), Int(key[key.index(after: colon)...]) ?? 0)
            }
            return lines.sorted { split($0.key) < split($1.key) }
        }
    }
}
