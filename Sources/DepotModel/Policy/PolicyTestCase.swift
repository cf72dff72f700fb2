public import Foundation

/// One case of a policy case table (`*_test.yaml` next to the policies, docs/policy-api.md "Tooling"):
/// a state, optional overrides and time, and the partial result expected. Parsed by DepotConfig,
/// run by PolicyEngine, so it lives here where both can see it.
public struct PolicyTestCase: Sendable, Hashable {
    public var name: String
    public var domain: PolicyDomain
    /// The policy file under test, relative to the policy folder.
    public var policy: String
    /// The inputs as a decision record stores them: `{ctx = …, ev = …}`.
    public var state: SettingValue
    /// Replaces `ctx.now` when set.
    public var now: Date?
    /// Deep-merged into `state`: tables key by key, lists item by item.
    public var overrides: SettingValue?
    /// The expected result, compared partially: only the keys written here are checked; nil
    /// expects no result (e.g. no pre-conditioning plan).
    public var expect: SettingValue?
    /// `file:line` of the case, for test output.
    public var source: String

    public init(
        name: String, domain: PolicyDomain, policy: String, state: SettingValue, now: Date? = nil, overrides: SettingValue? = nil,
        expect: SettingValue?, source: String
    ) {
        self.name = name
        self.domain = domain
        self.policy = policy
        self.state = state
        self.now = now
        self.overrides = overrides
        self.expect = expect
        self.source = source
    }
}
