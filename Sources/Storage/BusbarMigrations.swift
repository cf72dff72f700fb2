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
        migrator.registerMigration("v2-policy-decisions") { db in
            try db.create(table: "policy_decision") { table in
                table.primaryKey("id", .text)
                table.column("depot_id", .text).notNull()
                table.column("domain", .text).notNull()
                table.column("revision", .text).notNull()
                table.column("now", .datetime).notNull()
                table.column("input", .text).notNull()
                table.column("output", .text).notNull()
                table.column("reasons", .text).notNull()
                table.column("trace", .text).notNull()
                table.column("instructions", .integer).notNull()
                table.column("memory_bytes", .integer).notNull()
                table.column("duration_us", .integer).notNull()
                table.column("decided_by", .text).notNull()
                table.column("error", .text)
            }
            try db.create(index: "policy_decision_by_depot", on: "policy_decision", columns: ["depot_id", "domain", "now"])
            try db.create(index: "policy_decision_by_time", on: "policy_decision", columns: ["now"])
        }
        return migrator
    }
}
