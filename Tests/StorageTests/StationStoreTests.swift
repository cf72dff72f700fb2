import DepotModel
import Foundation
import Storage
import Synchronization
import Testing

@Suite("Stations, transactions and the OCPP log")
struct StationStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let station: ChargerID = "DEMO-A01"

    func store() throws -> BusbarStore { BusbarStore(try BusbarDatabase.inMemory()) }

    @Test func bootStateIsPersistedAndUnknownBeforeTheFirstBoot() async throws {
        let store = try store()
        #expect(try await store.bootState(station: station) == .unknown)
        try await store.recordBoot(depot: "demo", station: station, info: StationBootInfo(vendor: "ACME", model: "DC150"), state: .accepted, at: t0)
        #expect(try await store.bootState(station: station) == .accepted)
        #expect(try await store.bootInfo(station: station) == StationBootInfo(vendor: "ACME", model: "DC150"))
    }

    @Test func replayedStartGetsTheSameTransactionID() async throws {
        let store = try store()
        let ids = Counter()
        func start() async throws -> TransactionStartOutcome {
            try await store.recordTransactionStart(
                depot: "demo", station: station, key: .assignedByBusbar({ String(ids.next()) }), connector: 1, idToken: "04A2", startedAt: t0,
                meterStart: 1200.5, receivedAt: t0)
        }
        let first = try await start()
        let replay = try await start()
        #expect(first.isNew && !replay.isNew)
        #expect(replay.transactionKey == first.transactionKey)
        #expect(try await store.transactions(station: station).count == 1)
    }

    @Test func colliding1_6IdIsRedrawn() async throws {
        let store = try store()
        let draws = Draws(["7", "7", "9"])
        _ = try await store.recordTransactionStart(
            depot: "demo", station: station, key: .assignedByBusbar({ draws.next() }), connector: 1, idToken: "A", startedAt: t0, meterStart: 0,
            receivedAt: t0)
        let second = try await store.recordTransactionStart(
            depot: "demo", station: station, key: .assignedByBusbar({ draws.next() }), connector: 2, idToken: "B", startedAt: t0, meterStart: 0,
            receivedAt: t0)
        #expect(second.transactionKey == "9")
    }

    @Test func stopIsIdempotentAndFlagsMeterRegression() async throws {
        let store = try store()
        let start = try await store.recordTransactionStart(
            depot: "demo", station: station, key: .chosenByStation("tx-1"), connector: 1, idToken: "A", startedAt: t0, meterStart: 100,
            receivedAt: t0)
        let stop = {
            try await store.recordTransactionStop(
                station: self.station, transactionKey: start.transactionKey, stoppedAt: self.t0.addingTimeInterval(3600), meterStop: 90,
                reason: "EVDisconnected",
                receivedAt: self.t0.addingTimeInterval(3600), frame: "[2,\"m\",\"StopTransaction\",{}]")
        }
        #expect(try await stop() == .stopped(.meterRegression))
        #expect(try await stop() == .alreadyStopped)
        let record = try #require(try await store.transactions(station: station).first)
        #expect(record.stopReason == "EVDisconnected")
        #expect(TransactionSuspicion(rawValue: record.suspicion) == .meterRegression)
    }

    @Test func stopOfAnUnknownTransactionIsQuarantinedNotRefused() async throws {
        let store = try store()
        let outcome = try await store.recordTransactionStop(
            station: station, transactionKey: "424242", stoppedAt: t0, meterStop: 10, reason: nil, receivedAt: t0,
            frame: "[2,\"x\",\"StopTransaction\",{}]")
        #expect(outcome == .quarantined)
        let quarantined = try await store.quarantinedMessages(station: station)
        #expect(quarantined.count == 1)
        #expect(quarantined.first?.reason == "unknown transaction 424242")
        // Another station's transaction is unknown here too.
        _ = try await store.recordTransactionStart(
            depot: "demo", station: "OTHER", key: .chosenByStation("tx-9"), connector: 1, idToken: "A", startedAt: t0, meterStart: 0, receivedAt: t0)
        #expect(
            try await store.recordTransactionStop(
                station: station, transactionKey: "tx-9", stoppedAt: t0, meterStop: 1, reason: nil, receivedAt: t0, frame: "{}")
                == .quarantined)
    }

    @Test func secondStartOnABusyConnectorAndOfflineMeterResetAreFlagged() async throws {
        let store = try store()
        let first = try await store.recordTransactionStart(
            depot: "demo", station: station, key: .chosenByStation("a"), connector: 1, idToken: "A", startedAt: t0, meterStart: 500, receivedAt: t0)
        let busy = try await store.recordTransactionStart(
            depot: "demo", station: station, key: .chosenByStation("b"), connector: 1, idToken: "B", startedAt: t0.addingTimeInterval(60),
            meterStart: 500, receivedAt: t0)
        #expect(busy.suspicion.contains(.duplicateStart))
        _ = try await store.recordTransactionStop(
            station: station, transactionKey: first.transactionKey, stoppedAt: t0.addingTimeInterval(90), meterStop: 650, reason: nil, receivedAt: t0,
            frame: "")
        _ = try await store.recordTransactionStop(
            station: station, transactionKey: busy.transactionKey, stoppedAt: t0.addingTimeInterval(95), meterStop: 650, reason: nil, receivedAt: t0,
            frame: "")
        let reset = try await store.recordTransactionStart(
            depot: "demo", station: station, key: .chosenByStation("c"), connector: 1, idToken: "C", startedAt: t0.addingTimeInterval(200),
            meterStart: 0, receivedAt: t0)
        #expect(reset.suspicion == .meterReset)
    }

    @Test func transactionEventSequenceIsIdempotentAndGapsMarkIncomplete() async throws {
        let store = try store()
        _ = try await store.recordTransactionStart(
            depot: "demo", station: station, key: .chosenByStation("tx"), connector: 1, idToken: "A", startedAt: t0, meterStart: 0, receivedAt: t0)
        #expect(
            try await store.recordTransactionEventSequence(station: station, transactionKey: "tx", seqNo: 0, eventType: "Started", receivedAt: t0))
        #expect(
            !(try await store.recordTransactionEventSequence(station: station, transactionKey: "tx", seqNo: 0, eventType: "Started", receivedAt: t0)))
        #expect(
            try await store.recordTransactionEventSequence(station: station, transactionKey: "tx", seqNo: 1, eventType: "Updated", receivedAt: t0))
        var record = try #require(try await store.transactions(station: station).first)
        #expect(record.lastSeqNo == 1 && record.suspicion == 0)
        #expect(
            try await store.recordTransactionEventSequence(station: station, transactionKey: "tx", seqNo: 3, eventType: "Updated", receivedAt: t0))
        record = try #require(try await store.transactions(station: station).first)
        #expect(TransactionSuspicion(rawValue: record.suspicion) == .incomplete)
    }

    /// A TransactionEvent's seqNo and its samples are one commit: when the samples cannot be written
    /// (here a NaN, stored as NULL), the seqNo is not recorded either, so the resend still counts.
    @Test func transactionEventSamplesShareTheSequenceNumbersCommit() async throws {
        let store = try store()
        _ = try await store.recordTransactionStart(
            depot: "demo", station: station, key: .chosenByStation("tx"), connector: 1, idToken: "A", startedAt: t0, meterStart: 0, receivedAt: t0)
        let energy = { (value: Double) in
            [MeterSample(connector: 1, sampledAt: t0, measurand: "Energy.Active.Import.Register", value: value, unit: "kWh")]
        }
        await #expect(throws: (any Error).self) {
            try await store.recordTransactionEventSequence(
                station: station, transactionKey: "tx", seqNo: 0, eventType: "Started", samples: energy(.nan), receivedAt: t0)
        }
        #expect(
            try await store.recordTransactionEventSequence(
                station: station, transactionKey: "tx", seqNo: 0, eventType: "Started", samples: energy(5), receivedAt: t0))
        #expect(
            !(try await store.recordTransactionEventSequence(
                station: station, transactionKey: "tx", seqNo: 0, eventType: "Started",
                samples: [MeterSample(connector: 1, sampledAt: t0.addingTimeInterval(1), measurand: "SoC", value: 50, unit: "%")],
                receivedAt: t0)))
        #expect(try await store.meterSamples(station: station, transactionKey: "tx") == energy(5))
    }

    @Test func duplicateMeterSamplesAreStoredOnce() async throws {
        let store = try store()
        let samples = [
            MeterSample(connector: 1, sampledAt: t0, measurand: "Energy.Active.Import.Register", value: 12.5, unit: "kWh"),
            MeterSample(connector: 1, sampledAt: t0, measurand: "Power.Active.Import", value: 140, unit: "kW"),
            MeterSample(connector: 1, sampledAt: t0, measurand: "Current.Import", value: 200, unit: "A", phase: "L1"),
        ]
        #expect(try await store.recordMeterSamples(depot: "demo", station: station, transactionKey: "7", samples: samples, receivedAt: t0) == 3)
        #expect(try await store.recordMeterSamples(depot: "demo", station: station, transactionKey: "7", samples: samples, receivedAt: t0) == 0)
        #expect(try await store.meterSamples(station: station, transactionKey: "7") == samples)
    }

    @Test func lateStatusNeverOverwritesNewerState() async throws {
        let store = try store()
        let live = ConnectorStatusReport(
            connector: 1, state: .charging, stationTime: t0.addingTimeInterval(600), receivedAt: t0.addingTimeInterval(600))
        let queued = ConnectorStatusReport(connector: 1, state: .suspendedEV, stationTime: t0, receivedAt: t0.addingTimeInterval(601))
        #expect(try await store.recordConnectorStatus(depot: "demo", station: station, report: live))
        #expect(!(try await store.recordConnectorStatus(depot: "demo", station: station, report: queued)))
        #expect(try await store.connectorStatuses(station: station).map(\.state) == [.charging])
    }

    @Test func messageLogIsReadablePerStationAndPruned() async throws {
        let store = try store()
        try await store.appendMessageLog(station: station, direction: .received, frame: "[2,\"1\",\"Heartbeat\",{}]", at: t0)
        try await store.appendMessageLog(station: station, direction: .sent, frame: "[3,\"1\",{}]", at: t0.addingTimeInterval(1))
        try await store.appendMessageLog(station: "OTHER", direction: .received, frame: "[2,\"9\",\"Heartbeat\",{}]", at: t0)
        let log = try await store.messageLog(station: station)
        #expect(log.map(\.direction) == [.sent, .received])
        #expect(try await store.pruneMessageLog(olderThan: t0.addingTimeInterval(0.5)) == 2)
        #expect(try await store.messageLog(station: station).count == 1)
    }
}

/// A counter for key generators in tests.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}

/// Hands out scripted transaction ids in order.
final class Draws: Sendable {
    private let values: Mutex<[String]>
    init(_ values: [String]) { self.values = Mutex(values) }
    func next() -> String { values.withLock { $0.removeFirst() } }
}
