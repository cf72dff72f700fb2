import DepotModel
import Foundation
import Notifications
import Storage
import TestSupport
import Testing

/// Retries: backoff with seeded jitter, giving up after the maximum age, permanent failures.
@Suite("Outbox retries")
struct RetryTests {
    @Test(arguments: [
        (1, 0.5, 30.0), (2, 0.5, 60.0), (3, 0.5, 120.0), (6, 0.5, 900.0), (12, 0.5, 900.0),
        (1, 0.0, 24.0), (1, 1.0, 36.0), (6, 0.0, 720.0), (6, 1.0, 900.0),
    ])
    func backoffDoublesWithinJitterUpToTheCap(attempt: Int, draw: Double, expected: TimeInterval) {
        #expect(abs(RetryPolicy().delay(afterAttempt: attempt, draw: draw) - expected) < 1e-9)
    }

    /// The instants at which one always-failing webhook is tried, until it is marked failed.
    private func attemptTimes(seed: UInt64, maximumAge: Duration) async throws -> (times: [TimeInterval], entry: OutboxEntryRecord) {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let clock = ManualClock(Fixture.t0)
        return try await HTTPReceiver.run { receiver in
            receiver.answerByDefault(503)
            let store = try database.open()
            let notifier = Fixture.notifier(
                depot: Fixture.depot(receiver: receiver), store: store, clock: clock, retry: RetryPolicy(maximumAge: maximumAge), seed: seed)
            let step = EscalationStep(channel: .webhook, recipientGroup: "night-shift", text: "offline")
            _ = try await notifier.raise(Fixture.offline, steps: [step], at: Fixture.t0)
            var times: [TimeInterval] = []
            while let next = try await store.nextOutboxDueDate(depot: "nord") {
                clock.advance(by: next.timeIntervalSince(clock.now()))
                times.append(clock.now().timeIntervalSince(Fixture.t0))
                #expect(try await notifier.deliverDue() == 1)
            }
            return (times, try #require(try await store.outboxEntries(depot: "nord").first))
        }
    }

    @Test func theBackoffSequenceIsReproducibleAndGivesUpAtTheMaximumAge() async throws {
        let (times, entry) = try await attemptTimes(seed: 7, maximumAge: .seconds(3_600))
        let (again, _) = try await attemptTimes(seed: 7, maximumAge: .seconds(3_600))
        #expect(times == again)
        let (otherSeed, _) = try await attemptTimes(seed: 8, maximumAge: .seconds(3_600))
        #expect(otherSeed != times)
        // Waits grow 30, 60, 120, … s within ±20 %, never above 15 min; the last try is at the maximum age.
        let waits = zip(times.dropFirst(), times).map { $0 - $1 }
        for (index, wait) in waits.dropLast().enumerated() {
            let base = min(30 * pow(2, Double(index)), 900)
            #expect(wait >= base * 0.8 - 0.01 && wait <= min(base * 1.2, 900) + 0.01, "wait \(index + 1) was \(wait) s")
        }
        #expect(times.first == 0)
        #expect(abs((times.last ?? 0) - 3_600) < 0.01)
        #expect(entry.status == .failed)
        #expect(entry.attempts == times.count)
        #expect(entry.lastError?.hasPrefix("gave up after \(times.count) attempts") == true)
        #expect(entry.lastError?.contains("503") == true)
    }

    @Test func aClientErrorFailsAtOnce() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            receiver.answer(410)
            let store = try database.open()
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: store, clock: ManualClock(Fixture.t0))
            _ = try await notifier.raise(
                Fixture.offline, steps: [EscalationStep(channel: .webhook, recipientGroup: "night-shift", text: "offline")], at: Fixture.t0)
            try await notifier.deliverDue()
            let entry = try #require(try await store.outboxEntries(depot: "nord").first)
            #expect(entry.status == .failed)
            #expect(entry.lastError?.contains("410") == true)
            #expect(try await store.nextOutboxDueDate(depot: "nord") == nil)
        }
    }
}
