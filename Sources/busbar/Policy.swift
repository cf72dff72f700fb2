import ArgumentParser

extension Busbar {
    /// The operator's dry-run tools for Lua policies (docs/policy-api.md "Tooling").
    struct Policy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check, test, evaluate and replay Lua policies before deploying them.",
            discussion: "Exit codes: 0 ok, 1 error, 2 failed cases or changed decisions.",
            subcommands: [Eval.self, Test.self, Check.self, Replay.self]
        )
    }
}
