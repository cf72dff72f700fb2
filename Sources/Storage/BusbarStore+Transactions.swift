public import DepotModel
public import Foundation
import GRDB

extension BusbarStore {
    /// Stores the start of a transaction, idempotently.
    ///
    /// A replayed 1.6 StartTransaction (same station, connector, token, timestamp and meterStart)
    /// returns the key stored the first time; a replayed 2.0.1 start (same station-chosen id)
    /// changes nothing. Doubtful starts are flagged, never refused.
    public func recordTransactionStart(
        depot: DepotID, station: ChargerID, key: TransactionKeySource, connector: Int, idToken: String, startedAt: Date,
        meterStart: KilowattHours, receivedAt: Date, suspicion: TransactionSuspicion = []
    ) async throws -> TransactionStartOutcome {
        try await writer.write { db in
            try Self.ensureStation(db, depot: depot, station: station, at: receivedAt)
            switch key {
            case .assignedByBusbar:
                if let existing = try String.fetchOne(
                    db,
                    sql: """
                        SELECT transaction_key FROM charging_transaction
                        WHERE station_id = ? AND connector = ? AND id_token = ? AND started_at = ? AND meter_start_kwh = ?
                        """,
                    arguments: [station.rawValue, connector, idToken, startedAt, meterStart.value])
                {
                    return TransactionStartOutcome(transactionKey: existing, isNew: false, suspicion: [])
                }
            case .chosenByStation(let chosen):
                if let row = try Row.fetchOne(
                    db, sql: "SELECT suspicion FROM charging_transaction WHERE station_id = ? AND transaction_key = ?",
                    arguments: [station.rawValue, chosen])
                {
                    return TransactionStartOutcome(transactionKey: chosen, isNew: false, suspicion: TransactionSuspicion(rawValue: row["suspicion"]))
                }
            }
            var flags = suspicion
            let activeOnConnector =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM charging_transaction WHERE station_id = ? AND connector = ? AND stopped_at IS NULL",
                    arguments: [station.rawValue, connector]) ?? 0
            if activeOnConnector > 0 { flags.insert(.duplicateStart) }
            let previousStop = try Double.fetchOne(
                db,
                sql:
                    "SELECT meter_stop_kwh FROM charging_transaction WHERE station_id = ? AND connector = ? AND meter_stop_kwh IS NOT NULL ORDER BY started_at DESC LIMIT 1",
                arguments: [station.rawValue, connector])
            if meterStart.value == 0, let previousStop, previousStop > 0 { flags.insert(.meterReset) }
            for _ in 0..<8 {
                let candidate: String
                switch key {
                case .assignedByBusbar(let generate): candidate = generate()
                case .chosenByStation(let chosen): candidate = chosen
                }
                try db.execute(
                    sql: """
                        INSERT INTO charging_transaction (depot_id, station_id, transaction_key, connector, id_token, started_at, meter_start_kwh, suspicion, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(station_id, transaction_key) DO NOTHING
                        """,
                    arguments: [
                        depot.rawValue, station.rawValue, candidate, connector, idToken, startedAt, meterStart.value, flags.rawValue, receivedAt,
                    ])
                if db.changesCount == 1 { return TransactionStartOutcome(transactionKey: candidate, isNew: true, suspicion: flags) }
            }
            throw StorageFailure.transactionKeysExhausted(station: station.rawValue)
        }
    }

    /// Stores the end of a transaction. A stop for a transaction this station never started is
    /// quarantined with its raw frame (a message naming another station's transaction is unknown
    /// here too), and is still acknowledged.
    public func recordTransactionStop(
        station: ChargerID, transactionKey: String, stoppedAt: Date, meterStop: KilowattHours?, reason: String?, receivedAt: Date,
        frame: String
    ) async throws -> TransactionStopOutcome {
        try await writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT id, meter_start_kwh, stopped_at, suspicion FROM charging_transaction WHERE station_id = ? AND transaction_key = ?",
                    arguments: [station.rawValue, transactionKey])
            else {
                try Self.quarantine(
                    db, station: station, action: "TransactionStop", frame: frame, reason: "unknown transaction \(transactionKey)", at: receivedAt)
                return .quarantined
            }
            if (row["stopped_at"] as Date?) != nil { return .alreadyStopped }
            var flags = TransactionSuspicion(rawValue: row["suspicion"])
            if let meterStop, meterStop.value < (row["meter_start_kwh"] as Double) { flags.insert(.meterRegression) }
            try db.execute(
                sql: "UPDATE charging_transaction SET stopped_at = ?, meter_stop_kwh = ?, stop_reason = ?, suspicion = ? WHERE id = ?",
                arguments: [stoppedAt, meterStop?.value, reason, flags.rawValue, row["id"] as Int64])
            return .stopped(flags)
        }
    }

    /// Records that a 2.0.1 TransactionEvent with this sequence number was seen, and stores its meter
    /// samples in the same commit: were they two, a crash between them would leave the seqNo
    /// stored, the resend would count as a replay, and acknowledged samples would be lost.
    /// - Returns: false for a replay (the event was stored before and must change nothing).
    @discardableResult
    public func recordTransactionEventSequence(
        station: ChargerID, transactionKey: String, seqNo: Int, eventType: String, samples: [MeterSample] = [], receivedAt: Date
    ) async throws
        -> Bool
    {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO transaction_event (station_id, transaction_key, seq_no, event_type, received_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """,
                arguments: [station.rawValue, transactionKey, seqNo, eventType, receivedAt])
            guard db.changesCount == 1 else { return false }
            let previous = try Int.fetchOne(
                db, sql: "SELECT last_seq_no FROM charging_transaction WHERE station_id = ? AND transaction_key = ?",
                arguments: [station.rawValue, transactionKey])
            let gap = previous.map { seqNo > $0 + 1 } ?? (seqNo > 0 && eventType != "Started")
            try db.execute(
                sql: """
                    UPDATE charging_transaction SET last_seq_no = MAX(COALESCE(last_seq_no, -1), ?),
                        suspicion = suspicion | ? WHERE station_id = ? AND transaction_key = ?
                    """,
                arguments: [seqNo, gap ? TransactionSuspicion.incomplete.rawValue : 0, station.rawValue, transactionKey])
            _ = try Self.insert(samples, db, station: station, transactionKey: transactionKey)
            return true
        }
    }

    /// Stores meter samples; samples already stored (same descriptors and time) are skipped.
    /// - Returns: how many samples were new.
    @discardableResult
    public func recordMeterSamples(
        depot: DepotID, station: ChargerID, transactionKey: String?, samples: [MeterSample], receivedAt: Date
    ) async throws -> Int {
        try await writer.write { db in
            try Self.ensureStation(db, depot: depot, station: station, at: receivedAt)
            return try Self.insert(samples, db, station: station, transactionKey: transactionKey ?? "")
        }
    }

    /// Inserts samples, skipping those already stored; returns how many were new.
    private static func insert(_ samples: [MeterSample], _ db: Database, station: ChargerID, transactionKey: String) throws -> Int {
        var inserted = 0
        for sample in samples {
            try db.execute(
                sql: """
                    INSERT INTO meter_sample (station_id, transaction_key, connector, sampled_at, measurand, phase, context, location, value, unit)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """,
                arguments: [
                    station.rawValue, transactionKey, sample.connector, sample.sampledAt, sample.measurand, sample.phase ?? "",
                    sample.context ?? "", sample.location ?? "", sample.value, sample.unit,
                ])
            inserted += db.changesCount
        }
        return inserted
    }

    /// The transactions of a station, newest first.
    public func transactions(station: ChargerID, limit: Int = 100) async throws -> [ChargingTransactionRecord] {
        try await writer.read { db in
            try ChargingTransactionRecord.fetchAll(
                db, sql: "SELECT * FROM charging_transaction WHERE station_id = ? ORDER BY started_at DESC, id DESC LIMIT ?",
                arguments: [station.rawValue, limit])
        }
    }

    /// The meter samples of one transaction, oldest first.
    public func meterSamples(station: ChargerID, transactionKey: String) async throws -> [MeterSample] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM meter_sample WHERE station_id = ? AND transaction_key = ? ORDER BY sampled_at, id",
                arguments: [station.rawValue, transactionKey]
            ).map { row in
                MeterSample(
                    connector: row["connector"], sampledAt: row["sampled_at"], measurand: row["measurand"], value: row["value"], unit: row["unit"],
                    phase: (row["phase"] as String).nilIfEmpty, context: (row["context"] as String).nilIfEmpty,
                    location: (row["location"] as String).nilIfEmpty)
            }
        }
    }

    /// One transaction of a station by its key.
    public func transaction(station: ChargerID, key: String) async throws -> ChargingTransactionRecord? {
        try await writer.read { db in
            try ChargingTransactionRecord.fetchOne(
                db, sql: "SELECT * FROM charging_transaction WHERE station_id = ? AND transaction_key = ?", arguments: [station.rawValue, key])
        }
    }

    /// Stores a message Busbar could not attribute, so it can be acknowledged (docs/ocpp.md §7).
    public func quarantine(station: ChargerID, action: String, frame: String, reason: String, at instant: Date) async throws {
        try await writer.write { db in try Self.quarantine(db, station: station, action: action, frame: frame, reason: reason, at: instant) }
    }

    static func quarantine(_ db: Database, station: ChargerID, action: String, frame: String, reason: String, at instant: Date) throws {
        try db.execute(
            sql: "INSERT INTO quarantined_message (station_id, action, payload, reason, received_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [station.rawValue, action, frame, reason, instant])
    }

    /// Quarantined messages of a station, newest first: `(action, reason, frame)`.
    public func quarantinedMessages(station: ChargerID) async throws -> [(action: String, reason: String, frame: String)] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT action, reason, payload FROM quarantined_message WHERE station_id = ? ORDER BY id DESC",
                arguments: [station.rawValue]
            ).map { ($0["action"], $0["reason"], $0["payload"]) }
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
