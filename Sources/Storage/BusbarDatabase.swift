public import GRDB

/// Opens Busbar's SQLite database with the production settings of docs/reliability.md §1 and brings
/// its schema up to date. This is the one place those settings live.
public enum BusbarDatabase {
    /// Opens (creating if needed) the database file: WAL, `synchronous = FULL` on every
    /// connection, foreign keys on, a 5 s busy timeout; then runs the migrations.
    /// - Parameter path: the SQLite file; its folder must exist.
    public static func open(path: String) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration())
        try BusbarMigrations.migrator.migrate(pool)
        return pool
    }

    /// An in-memory database with the same migrations, for tests and dry runs.
    public static func inMemory() throws -> DatabaseQueue {
        let queue = try DatabaseQueue(configuration: configuration())
        try BusbarMigrations.migrator.migrate(queue)
        return queue
    }

    /// The connection settings shared by every connection of the pool.
    public static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // WAL is set by DatabasePool itself; FULL syncs the WAL on every commit (D1).
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// The SQLite library version in use, e.g. `3.40.1`.
    public static func sqliteVersion() throws -> String {
        try DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "unknown" }
    }
}
