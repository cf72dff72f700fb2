public import Foundation
public import GRDB

/// One row of `delivery_attempt`: what happened when an outbox entry was tried once, so the API
/// can show why a message is late or failed.
public struct DeliveryAttemptRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "delivery_attempt"

    public var id: Int64?
    public var entryID: String
    public var at: Date
    /// The entry's status after this attempt (`sent`, `pending` for a retry, `failed`).
    public var outcome: OutboxEntryStatus
    public var error: String?

    public init(id: Int64? = nil, entryID: String, at: Date, outcome: OutboxEntryStatus, error: String?) {
        self.id = id
        self.entryID = entryID
        self.at = at
        self.outcome = outcome
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case id
        case entryID = "entry_id"
        case at, outcome, error
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
