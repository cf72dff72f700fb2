public import Foundation

/// What `GET /api/v1/depots/{id}/status` and `busbar status` show about a depot's policies.
public struct PolicyStatus: Sendable, Hashable {
    /// The hash of the revision in force; nil until one loaded (the defaults decide meanwhile).
    public var activeRevision: String?
    /// When the active revision was swapped in.
    public var since: Date?
    /// The last failed reload, kept until a later reload succeeds.
    public var lastReloadError: PolicyError?
    /// Set when the built-in defaults did not compile: the fixed Swift rules decide instead.
    public var defaultsError: PolicyError?
    /// Health of each domain's policy in the active revision.
    public var domains: [PolicyDomainHealth]
}
