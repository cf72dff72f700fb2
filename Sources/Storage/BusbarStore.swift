public import Foundation
public import GRDB

/// Busbar's persistence, as transactions named after what they mean (docs/conventions.md §11). Every
/// method commits before it returns, so a caller may acknowledge what it wrote.
public struct BusbarStore: Sendable {
    let writer: any DatabaseWriter

    /// - Parameter writer: a `DatabasePool` from `BusbarDatabase.open` or a queue from `inMemory`.
    public init(_ writer: any DatabaseWriter) { self.writer = writer }

    /// Records that a depot revision was accepted; returns the stored record with its id.
    public func recordAppliedRevision(
        depot: String, contentHash: String, gitCommit: String?, files: [String], at instant: Date
    ) async throws -> ConfigRevisionRecord {
        let fileList = String(decoding: try JSONEncoder().encode(files), as: UTF8.self)
        return try await writer.write { db in
            var record = ConfigRevisionRecord(depotID: depot, contentHash: contentHash, gitCommit: gitCommit, files: fileList, appliedAt: instant)
            try record.insert(db)
            return record
        }
    }

    /// The revision most recently applied to a depot, if any.
    public func activeRevision(depot: String) async throws -> ConfigRevisionRecord? {
        try await writer.read { db in
            try ConfigRevisionRecord
                .filter(Column("depot_id") == depot)
                .order(Column("applied_at").desc, Column("id").desc)
                .fetchOne(db)
        }
    }

    /// The migrations applied to this database, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try BusbarMigrations.migrator.appliedMigrations(db) }
    }
}
