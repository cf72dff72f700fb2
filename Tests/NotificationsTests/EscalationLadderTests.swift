import DepotModel
import Foundation
import Notifications
import Storage
import TestSupport
import Testing

/// The escalation ladder on a manual clock, against a real HTTP receiver (SMS gateway and
/// webhooks) and a real SQLite file per test.
@Suite("Escalation ladder")
struct EscalationLadderTests {
    let database: TemporaryDatabase
    let clock = ManualClock(Fixture.t0)

    init() throws { database = try TemporaryDatabase() }

    static let ladder = [
        EscalationStep(channel: .sms, recipientGroup: "night-shift", severity: .warning, text: "NORD-A01 is offline"),
        EscalationStep(channel: .webhook, recipientGroup: "night-shift", delay: .seconds(600), severity: .critical, text: "NORD-A01 still offline"),
        EscalationStep(
            channel: .sms, recipientGroup: "duty-manager", delay: .seconds(1_800), severity: .critical, text: "NORD-A01 offline for 30 min"),
    ]

    @Test func raiseStoresOneEntryPerRecipientBeforeReturning() async throws {
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let store = try database.open()
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: store, clock: clock)
            let outcome = try await notifier.raise(
                Fixture.offline, tenant: Fixture.hochbahn,
                steps: Self.ladder + [EscalationStep(channel: .email, recipientGroup: "nobody", text: "unaddressable")], at: Fixture.t0)
            #expect(!outcome.deduplicated)
            // Two phone numbers, one webhook selecting every kind (the other selects only `fault`), one phone number.
            #expect(outcome.enqueued == 4)
            #expect(outcome.unaddressed.count == 1)
            #expect(outcome.unaddressed.first?.contains("no email channel") == true)
            let entries = try await store.outboxEntries(depot: "nord", status: .pending)
            #expect(entries.count == 4)
            #expect(Set(entries.map(\.recipient)) == ["+4940123456", "+4940654321", receiver.url("/hooks/fms"), "+4940999"])
            let dueBySecond = Dictionary(grouping: entries) { Int($0.dueAt.timeIntervalSince(Fixture.t0)) }.mapValues(\.count)
            #expect(dueBySecond == [0: 2, 600: 1, 1_800: 1])
            #expect(receiver.requests.isEmpty)
        }
    }

    @Test func stepsGoOutAtTheirDelays() async throws {
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: try database.open(), clock: clock)
            _ = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: Self.ladder, at: Fixture.t0)
            #expect(try await notifier.deliverDue() == 2)
            #expect(receiver.requests.map(\.path) == ["/sms", "/sms"])
            clock.advance(by: 599)
            #expect(try await notifier.deliverDue() == 0)
            clock.advance(by: 1)
            #expect(try await notifier.deliverDue() == 1)
            #expect(receiver.requests.last?.path == "/hooks/fms")
            clock.advance(by: 1_200)
            #expect(try await notifier.deliverDue() == 1)
            #expect(try receiver.requests.last?.json()["to"] == "+4940999")
            let sent = try await notifier.notifications(status: .sent)
            #expect(sent.count == 4)
            #expect(sent.allSatisfy { $0.attempts == 1 && $0.sentAt == $0.dueAt })
        }
    }

    @Test func aRepeatingStepRepeatsUntilResolved() async throws {
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: try database.open(), clock: clock)
            let step = EscalationStep(
                channel: .webhook, recipientGroup: "night-shift", severity: .critical, text: "still offline", untilResolved: true,
                repeatInterval: .seconds(300))
            _ = try await notifier.raise(Fixture.offline, steps: [step], at: Fixture.t0)
            for _ in 0..<3 {
                #expect(try await notifier.deliverDue() == 1)
                clock.advance(by: 300)
            }
            try await notifier.resolve(Fixture.offline, at: clock.now())
            clock.advance(by: 3_600)
            #expect(try await notifier.deliverDue() == 0)
            let keys = receiver.requests.compactMap { $0.headers["idempotency-key"] }
            #expect(keys.count == 3)
            #expect(Set(keys).count == 3)
            #expect(try await notifier.notifications(status: .cancelled).count == 1)
            #expect(try await notifier.incidents(status: .resolved).count == 1)
        }
    }

    @Test func acknowledgingStopsTheLadder() async throws {
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: try database.open(), clock: clock)
            _ = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: Self.ladder, at: Fixture.t0)
            try await notifier.deliverDue()
            clock.advance(by: 120)
            let acknowledged = try #require(try await notifier.acknowledge(Fixture.offline, by: "leitstelle", at: clock.now()))
            #expect(acknowledged.status == .acknowledged)
            #expect(acknowledged.acknowledgedBy == "leitstelle")
            clock.advance(by: 7_200)
            #expect(try await notifier.deliverDue() == 0)
            #expect(receiver.requests.count == 2)
            #expect(try await notifier.notifications(status: .cancelled).count == 2)
            // Still unresolved: raising it again (the runtime re-evaluates) enqueues nothing.
            let again = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: Self.ladder, at: clock.now())
            #expect(again.deduplicated)
            #expect(again.incidentID == acknowledged.id)
        }
    }

    @Test func raisingAnOpenIncidentAgainEnqueuesNothing() async throws {
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: try database.open(), clock: clock)
            let first = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: Self.ladder, at: Fixture.t0)
            let second = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: Self.ladder, at: Fixture.t0)
            #expect(second == RaiseOutcome(incidentID: first.incidentID, deduplicated: true, enqueued: 0, unaddressed: []))
            #expect(try await notifier.notifications().count == 4)
            // Another subject is another incident.
            let other = IncidentKey(depot: "nord", kind: "charger_offline", subject: .charger("NORD-A02"))
            #expect(try await !notifier.raise(other, tenant: Fixture.hochbahn, steps: Self.ladder, at: Fixture.t0).deduplicated)
            // Once resolved, the same condition returning is a new incident.
            try await notifier.resolve(Fixture.offline, at: Fixture.t0.addingTimeInterval(60))
            let reopened = try await notifier.raise(
                Fixture.offline, tenant: Fixture.hochbahn, steps: Self.ladder, at: Fixture.t0.addingTimeInterval(120))
            #expect(!reopened.deduplicated)
            #expect(reopened.incidentID != first.incidentID)
        }
    }

    @Test func overlappingPassesSendEachEntryOnce() async throws {
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: try database.open(), clock: clock)
            _ = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: Self.ladder, at: Fixture.t0)
            async let first = notifier.deliverDue()
            async let second = notifier.deliverDue()
            #expect(try await first + second == 2)
            #expect(receiver.requests.count == 2)
        }
    }

    @Test func aTenantsIncidentReachesOnlyItsOwnGroup() async throws {
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: try database.open(), clock: clock)
            let step = EscalationStep(channel: .sms, recipientGroup: "night-shift", text: "bus-7 will miss its departure")
            let missed = IncidentKey(depot: "nord", kind: "will_miss_departure", subject: .vehicle("bus-7"), detail: "2027-01-15T05:30:00Z")
            _ = try await notifier.raise(missed, tenant: "vhh", steps: [step], at: Fixture.t0)
            try await notifier.deliverDue()
            #expect(try receiver.requests.map { try $0.json()["to"] } == ["+4940777"])
            #expect(try await notifier.notifications(tenant: Fixture.hochbahn).isEmpty)
            #expect(try await notifier.notifications(tenant: "vhh").count == 1)
        }
    }

    @Test func aRestartedNotifierResumesFromTheDatabase() async throws {
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let depot = Fixture.depot(receiver: receiver)
            do {
                let before = Fixture.notifier(depot: depot, store: try database.open(), clock: clock)
                _ = try await before.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: Self.ladder, at: Fixture.t0)
                receiver.answer(503)
                try await before.deliverDue()
            }
            #expect(receiver.requests.count == 2)
            // A new process: a new pool on the same file and a new notifier.
            let after = Fixture.notifier(depot: depot, store: try database.open(), clock: clock)
            clock.advance(by: 1_800)
            #expect(try await after.deliverDue() == 3)
            #expect(receiver.requests.count == 5)
            let sent = try await after.notifications(status: .sent)
            #expect(sent.count == 4)
            let retried = try #require(sent.first { $0.attempts == 2 })
            let attempts = try await after.attempts(notification: retried.id)
            #expect(attempts.map(\.outcome) == [.pending, .sent])
            #expect(attempts.first?.error?.contains("503") == true)
        }
    }

    @Test func theDeliveryLoopWakesForRaisesAndFollowsTheClock() async throws {
        defer { database.remove() }
        try await HTTPReceiver.run { receiver in
            let notifier = Fixture.notifier(depot: Fixture.depot(receiver: receiver), store: try database.open(), clock: clock)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await notifier.run() }
                _ = try await notifier.raise(Fixture.offline, tenant: Fixture.hochbahn, steps: Self.ladder, at: Fixture.t0)
                #expect(await receiver.waitForRequests(2).count == 2)
                clock.advance(by: 600)
                #expect(await receiver.waitForRequests(3).last?.path == "/hooks/fms")
                group.cancelAll()
            }
        }
    }
}
