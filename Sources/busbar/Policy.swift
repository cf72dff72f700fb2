import ArgumentParser

extension Busbar {
    /// The operator's dry-run tools for Lua policies.
    struct Policy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check, test, evaluate and replay Lua policies before deploying them.",
            discussion: "Exit codes: 0 ok, 1 error, 2 failed cases or changed decisions.",
            subcommands: [Eval.self, Test.self, Check.self, Replay.self]
        )

        struct Eval: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Evaluate one policy domain against a state fixture.")
            func run() async throws { try CommandNotAvailable.exit("policy eval", arrivesWith: "the policy engine (issue #4)") }
        }

        struct Test: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Run the *_test.yaml case tables next to the policies.")
            func run() async throws { try CommandNotAvailable.exit("policy test", arrivesWith: "the policy engine (issue #4)") }
        }

        struct Check: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Compile and shape-check the policies of every depot.")
            func run() async throws { try CommandNotAvailable.exit("policy check", arrivesWith: "the policy engine (issue #4)") }
        }

        struct Replay: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Re-run recorded decisions with another policy revision and show what changes.")
            func run() async throws { try CommandNotAvailable.exit("policy replay", arrivesWith: "the policy engine (issue #4)") }
        }
    }
}
