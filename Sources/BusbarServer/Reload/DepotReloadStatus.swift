public import DepotModel
public import Foundation
public import PolicyEngine

/// What `GET /api/v1/depots/{id}/status` shows about a depot's configuration (docs/policy-api.md "Hot
/// reload"): the revision in force, since when, and the last failed reload until one succeeds.
public struct DepotReloadStatus: Sendable, Hashable {
    public var depot: DepotID
    /// The content hash of the depot file and its policies in force.
    public var activeRevision: String
    /// When the active revision was swapped in.
    public var since: Date
    /// Why the last reload kept the active revision; nil once a later reload succeeded.
    public var lastError: ReloadFailure?
    /// The policy engine's own view: domain health and failures at evaluation time.
    public var policies: PolicyStatus
}
