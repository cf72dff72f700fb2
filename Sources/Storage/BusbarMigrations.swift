internal import GRDB

/// The schema, as named append-only migrations. Never edit a shipped migration: add a new one.
public enum BusbarMigrations {
    /// The identifiers of all migrations, oldest first (shown by `busbar migrate`).
    public static var all: [String] { migrator.migrations }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-config-revisions") { db in
            try db.create(table: "config_revision") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("depot_id", .text).notNull()
                table.column("content_hash", .text).notNull()
                table.column("git_commit", .text)
                table.column("files", .text).notNull()
                table.column("applied_at", .datetime).notNull()
            }
            try db.create(index: "config_revision_by_depot", on: "config_revision", columns: ["depot_id", "applied_at"])
        }
        return migrator
    }
}
