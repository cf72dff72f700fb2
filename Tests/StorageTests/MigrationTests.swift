import Foundation
import GRDB
import Storage
import Testing

@Suite("Storage foundation")
struct MigrationTests {
    @Test func inMemoryDatabaseRunsAllMigrations() async throws {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        #expect(try await store.appliedMigrations() == BusbarMigrations.all)
    }

    @Test func fileDatabaseUsesWALAndFullSync() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pool = try BusbarDatabase.open(path: folder.appendingPathComponent("busbar.sqlite").path)
        let (journal, synchronous, foreignKeys) = try pool.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL
        #expect(foreignKeys == 1)
    }

    @Test func activeRevisionIsTheLatestApplied() async throws {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try await store.recordAppliedRevision(depot: "nord", contentHash: "aaa", gitCommit: nil, files: ["depots/nord.yaml"], at: t0)
        _ = try await store.recordAppliedRevision(
            depot: "nord", contentHash: "bbb", gitCommit: "abc123", files: ["depots/nord.yaml"], at: t0.addingTimeInterval(60))
        _ = try await store.recordAppliedRevision(depot: "sued", contentHash: "ccc", gitCommit: nil, files: [], at: t0.addingTimeInterval(120))
        let active = try #require(try await store.activeRevision(depot: "nord"))
        #expect(active.contentHash == "bbb")
        #expect(active.gitCommit == "abc123")
        #expect(try await store.activeRevision(depot: "west") == nil)
    }
}
