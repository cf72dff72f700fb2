/// The outcome of one policy test case, for `busbar policy test` output.
public struct PolicyCaseResult: Sendable, Hashable {
    public let name: String
    public let source: String
    /// What differed from the expectation (`[2].priority: expected 3, got 2`), or why the policy
    /// did not decide; empty when the case passed.
    public let failures: [String]

    /// True when nothing differed and the policy itself decided.
    public var passed: Bool { failures.isEmpty }
}
