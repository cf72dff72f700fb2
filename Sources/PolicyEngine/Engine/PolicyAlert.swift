public import DepotModel
public import Foundation

/// An operator alert the caller should send: a policy failed and the default decided. Raised on
/// the first failure, then at most every 15 minutes while failures continue.
public struct PolicyAlert: Sendable, Hashable {
    public let depot: DepotID
    public let domain: PolicyDomain
    public let revision: String
    public let error: PolicyError
    public let consecutiveFailures: Int
    /// The policy time (`ctx.now`) of the evaluation that raised the alert.
    public let at: Date
}
