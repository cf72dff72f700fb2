public import Foundation
public import GRDB

/// A depot configuration revision (depot file plus policies) that was accepted and made active.
/// Stored before the revision is swapped in, so the active revision is always on record.
public struct ConfigRevisionRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "config_revision"

    public var id: Int64?
    public var depotID: String
    /// SHA-256 over the revision's files, in path order.
    public var contentHash: String
    /// The git commit of the config folder when it is a checkout.
    public var gitCommit: String?
    /// The files of the revision, as a JSON array of relative paths.
    public var files: String
    public var appliedAt: Date

    public init(id: Int64? = nil, depotID: String, contentHash: String, gitCommit: String?, files: String, appliedAt: Date) {
        self.id = id
        self.depotID = depotID
        self.contentHash = contentHash
        self.gitCommit = gitCommit
        self.files = files
        self.appliedAt = appliedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case depotID = "depot_id"
        case contentHash = "content_hash"
        case gitCommit = "git_commit"
        case files
        case appliedAt = "applied_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
