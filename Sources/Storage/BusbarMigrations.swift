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
        migrator.registerMigration("v2-stations-and-transactions") { db in
            try db.create(table: "station") { table in
                table.primaryKey("id", .text)
                table.column("depot_id", .text).notNull()
                table.column("boot_state", .text).notNull().defaults(to: "unknown")
                table.column("boot_at", .datetime)
                table.column("vendor", .text)
                table.column("model", .text)
                table.column("serial_number", .text)
                table.column("firmware_version", .text)
                table.column("last_message_at", .datetime)
            }
            try db.create(table: "connector_status") { table in
                table.column("station_id", .text).notNull().references("station", onDelete: .cascade)
                table.column("connector", .integer).notNull()
                table.column("state", .text).notNull()
                table.column("error_code", .text)
                table.column("info", .text)
                table.column("vendor_error_code", .text)
                table.column("station_time", .datetime)
                table.column("received_at", .datetime).notNull()
                table.primaryKey(["station_id", "connector"])
            }
            // One row per transaction; `transaction_key` is the 1.6 transactionId as text or the
            // 2.0.1 station-chosen id, unique per station (docs/ocpp.md §6).
            try db.create(table: "charging_transaction") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("depot_id", .text).notNull()
                table.column("station_id", .text).notNull()
                table.column("transaction_key", .text).notNull()
                table.column("connector", .integer).notNull()
                table.column("id_token", .text).notNull().defaults(to: "")
                table.column("tenant_id", .text)
                table.column("vehicle_id", .text)
                table.column("started_at", .datetime).notNull()
                table.column("meter_start_kwh", .double).notNull()
                table.column("stopped_at", .datetime)
                table.column("meter_stop_kwh", .double)
                table.column("stop_reason", .text)
                table.column("last_seq_no", .integer)
                table.column("suspicion", .integer).notNull().defaults(to: 0)
                table.column("received_at", .datetime).notNull()
                table.uniqueKey(["station_id", "transaction_key"])
            }
            // Content key of a 1.6 StartTransaction: a replay returns the same transactionId.
            try db.create(
                index: "charging_transaction_start_content", on: "charging_transaction",
                columns: ["station_id", "connector", "id_token", "started_at", "meter_start_kwh"], unique: true)
            try db.create(table: "meter_sample") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("station_id", .text).notNull()
                table.column("transaction_key", .text).notNull().defaults(to: "")
                table.column("connector", .integer).notNull()
                table.column("sampled_at", .datetime).notNull()
                table.column("measurand", .text).notNull()
                table.column("phase", .text).notNull().defaults(to: "")
                table.column("context", .text).notNull().defaults(to: "")
                table.column("location", .text).notNull().defaults(to: "")
                table.column("value", .double).notNull()
                table.column("unit", .text).notNull()
                table.uniqueKey(["station_id", "transaction_key", "connector", "sampled_at", "measurand", "phase", "context", "location"])
            }
            // 2.0.1 TransactionEvent idempotency: (station, transaction, seqNo) seen once.
            try db.create(table: "transaction_event") { table in
                table.column("station_id", .text).notNull()
                table.column("transaction_key", .text).notNull()
                table.column("seq_no", .integer).notNull()
                table.column("event_type", .text).notNull()
                table.column("received_at", .datetime).notNull()
                table.primaryKey(["station_id", "transaction_key", "seq_no"])
            }
            // Messages about transactions Busbar does not know: stored and acknowledged (docs/ocpp.md §7).
            try db.create(table: "quarantined_message") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("station_id", .text).notNull()
                table.column("action", .text).notNull()
                table.column("payload", .text).notNull()
                table.column("reason", .text).notNull()
                table.column("received_at", .datetime).notNull()
            }
            try db.create(table: "ocpp_message") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("station_id", .text).notNull()
                table.column("direction", .text).notNull()
                table.column("frame", .text).notNull()
                table.column("at", .datetime).notNull()
            }
            try db.create(index: "ocpp_message_by_station", on: "ocpp_message", columns: ["station_id", "at"])
        }
        migrator.registerMigration("v3-policy-decisions") { db in
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
        migrator.registerMigration("v4-station-presence") { db in
            try db.alter(table: "station") { table in
                table.add(column: "online", .boolean).notNull().defaults(to: false)
                table.add(column: "presence_since", .datetime)
            }
        }
        migrator.registerMigration("v5-runtime") { db in
            // Stays that arrived over the REST API or VDV 463: acknowledged, so on disk (the depot
            // file's own stays are derived from the file and not stored).
            try db.create(table: "timetable_entry") { table in
                table.column("depot_id", .text).notNull()
                table.column("id", .text).notNull()
                table.column("source", .text).notNull()
                table.column("vehicle_id", .text).notNull()
                table.column("tenant_id", .text).notNull()
                table.column("arrival", .datetime).notNull()
                table.column("departure", .datetime).notNull()
                table.column("entry", .jsonText).notNull()
                table.column("updated_at", .datetime).notNull()
                table.primaryKey(["depot_id", "id"])
            }
            try db.create(index: "timetable_entry_source", on: "timetable_entry", columns: ["depot_id", "source"])
            try db.create(index: "charging_transaction_open", on: "charging_transaction", columns: ["depot_id", "stopped_at"])
        }
        migrator.registerMigration("v6-notification-outbox") { db in
            // At most one unresolved incident per depot and key: raising it again is a no-op.
            try db.create(table: "incident") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("depot_id", .text).notNull()
                table.column("incident_key", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("tenant_id", .text)
                table.column("status", .text).notNull()
                table.column("raised_at", .datetime).notNull()
                table.column("acknowledged_at", .datetime)
                table.column("acknowledged_by", .text)
                table.column("resolved_at", .datetime)
            }
            try db.create(
                index: "incident_unresolved_key", on: "incident", columns: ["depot_id", "incident_key"], unique: true,
                condition: Column("status") != "resolved")
            try db.create(index: "incident_by_depot", on: "incident", columns: ["depot_id", "raised_at"])
            try db.create(table: "outbox_entry") { table in
                table.primaryKey("id", .text)
                table.column("incident_id", .integer).notNull().references("incident", onDelete: .cascade)
                table.column("depot_id", .text).notNull()
                table.column("tenant_id", .text)
                table.column("event_kind", .text).notNull()
                table.column("incident_key", .text).notNull()
                table.column("step_index", .integer).notNull()
                table.column("channel", .text).notNull()
                table.column("recipient", .text).notNull()
                table.column("severity", .text).notNull()
                table.column("subject", .text).notNull()
                table.column("text", .text).notNull()
                table.column("status", .text).notNull()
                table.column("due_at", .datetime).notNull()
                table.column("first_due_at", .datetime).notNull()
                table.column("repeat_s", .integer)
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("last_attempt_at", .datetime)
                table.column("last_error", .text)
                table.column("sent_at", .datetime)
            }
            try db.create(index: "outbox_entry_due", on: "outbox_entry", columns: ["depot_id", "status", "due_at"])
            try db.create(index: "outbox_entry_by_incident", on: "outbox_entry", columns: ["incident_id"])
            try db.create(table: "delivery_attempt") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("entry_id", .text).notNull().references("outbox_entry", onDelete: .cascade)
                table.column("at", .datetime).notNull()
                table.column("outcome", .text).notNull()
                table.column("error", .text)
            }
            try db.create(index: "delivery_attempt_by_entry", on: "delivery_attempt", columns: ["entry_id", "at"])
        }
        migrator.registerMigration("v7-api-reservations") { db in
            // Reservations made through the REST API (stays with a bay derive theirs and are not
            // stored), and operator overrides of any reservation's enforcement.
            try db.create(table: "api_reservation") { table in
                table.column("depot_id", .text).notNull()
                table.column("id", .text).notNull()
                table.column("tenant_id", .text).notNull()
                table.column("ends_at", .datetime).notNull()
                table.column("reservation", .jsonText).notNull()
                table.column("updated_at", .datetime).notNull()
                table.primaryKey(["depot_id", "id"])
            }
            try db.create(table: "reservation_override") { table in
                table.column("depot_id", .text).notNull()
                table.column("reservation_id", .text).notNull()
                table.column("tenant_id", .text).notNull()
                table.column("overridden_at", .datetime).notNull()
                table.primaryKey(["depot_id", "reservation_id"])
            }
        }
        return migrator
    }
}
