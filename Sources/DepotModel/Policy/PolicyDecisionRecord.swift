public import Foundation

/// One policy evaluation, as stored for `GET …/decisions`, `busbar policy replay` and audits
/// (docs/policy-api.md "Decision records"). Lives in DepotModel because both PolicyEngine (which makes
/// it) and Storage (which keeps it) need it.
public struct PolicyDecisionRecord: Codable, Sendable, Hashable, Identifiable {
    /// Who decided: the operator's policy, the built-in default Lua, or the fixed Swift rule.
    public enum Source: String, Codable, Sendable, Hashable, CaseIterable {
        case policy
        case defaultPolicy = "default"
        case builtInRule = "builtin"
    }

    public let id: UUID
    public let depot: DepotID
    public let domain: PolicyDomain
    /// Content hash of the policy revision in force.
    public let revision: String
    /// The policy time of the evaluation (`ctx.now`).
    public let now: Date
    /// The inputs (`ctx` and the event), as JSON with the field names policies see.
    public let input: String
    /// The decision, as JSON.
    public let output: String
    public let reasons: [String]
    /// `trace` calls as a JSON object of name → value.
    public let trace: String
    public let instructions: Int
    public let memoryBytes: Int
    public let durationMicroseconds: Int
    public let decidedBy: Source
    /// Why the operator's policy did not decide (`file:line: message`), when it failed.
    public let error: String?

    /// True when the default (Lua or Swift) decided instead of the operator's policy.
    public var fallback: Bool { decidedBy != .policy }

    public init(
        id: UUID, depot: DepotID, domain: PolicyDomain, revision: String, now: Date, input: String, output: String,
        reasons: [String], trace: String, instructions: Int, memoryBytes: Int, durationMicroseconds: Int,
        decidedBy: Source, error: String?
    ) {
        self.id = id
        self.depot = depot
        self.domain = domain
        self.revision = revision
        self.now = now
        self.input = input
        self.output = output
        self.reasons = reasons
        self.trace = trace
        self.instructions = instructions
        self.memoryBytes = memoryBytes
        self.durationMicroseconds = durationMicroseconds
        self.decidedBy = decidedBy
        self.error = error
    }
}
