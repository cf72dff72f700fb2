import DepotModel
import Foundation
import Storage
import Testing

/// The outbox and incident queries on an in-memory database with the real migrations.
@Suite("Notification outbox")
struct OutboxStoreTests {
    let store: BusbarStore
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws { store = BusbarStore(try BusbarDatabase.inMemory()) }

    func incident(_ key: String = "charger_offline|charger:NORD-A01", tenant: String? = "hochbahn") -> IncidentRecord {
        IncidentRecord(depotID: "nord", incidentKey: key, kind: "charger_offline", tenantID: tenant, raisedAt: t0)
    }

    func entry(_ id: String, due seconds: TimeInterval = 0, repeatSeconds: Int? = nil, tenant: String? = "hochbahn") -> OutboxEntryRecord {
        OutboxEntryRecord(
            id: id, depotID: "nord", tenantID: tenant, eventKind: "charger_offline", incidentKey: "charger_offline|charger:NORD-A01",
            stepIndex: 0, channel: "sms", recipient: "+4940123456", severity: "warning", subject: "offline", text: "NORD-A01 is offline",
            dueAt: t0.addingTimeInterval(seconds), firstDueAt: t0.addingTimeInterval(seconds), repeatSeconds: repeatSeconds)
    }

    @Test func anUnresolvedIncidentIsOpenedOnce() async throws {
        guard case .opened(let first) = try await store.openIncident(incident(), entries: [entry("a"), entry("b", due: 60)]) else {
            Issue.record("the first raise must open the incident")
            return
        }
        guard case .alreadyOpen(let existing) = try await store.openIncident(incident(), entries: [entry("c")]) else {
            Issue.record("the second raise must be deduplicated")
            return
        }
        #expect(existing.id == first.id)
        #expect(try await store.outboxEntries(depot: "nord").map(\.id).sorted() == ["a", "b"])
        #expect(try await store.outboxEntries(depot: "nord").allSatisfy { $0.incidentID == first.id })
        // Resolved, the same key opens a new incident.
        #expect(try await store.resolveIncident(depot: "nord", key: first.incidentKey, at: t0)?.status == .resolved)
        guard case .opened(let second) = try await store.openIncident(incident(), entries: [entry("d")]) else {
            Issue.record("a resolved incident must open anew")
            return
        }
        #expect(second.id != first.id)
        #expect(try await store.incidents(depot: "nord").map(\.status) == [.open, .resolved])
    }

    @Test func dueEntriesComeOldestFirstAndOnlyWhenDue() async throws {
        _ = try await store.openIncident(incident(), entries: [entry("late", due: 600), entry("now"), entry("soon", due: 60)])
        #expect(try await store.dueOutboxEntries(depot: "nord", at: t0.addingTimeInterval(60)).map(\.id) == ["now", "soon"])
        #expect(try await store.dueOutboxEntries(depot: "nord", at: t0.addingTimeInterval(600), limit: 1).map(\.id) == ["now"])
        #expect(try await store.dueOutboxEntries(depot: "sued", at: t0.addingTimeInterval(600)).isEmpty)
        #expect(try await store.nextOutboxDueDate(depot: "nord") == t0)
    }

    @Test func attemptsAreRecordedWithTheirOutcome() async throws {
        _ = try await store.openIncident(incident(), entries: [entry("a"), entry("b")])
        try await store.recordDeliveryAttempt(entryID: "a", at: t0, outcome: .retry(at: t0.addingTimeInterval(30), error: "503"))
        try await store.recordDeliveryAttempt(entryID: "a", at: t0.addingTimeInterval(30), outcome: .sent)
        try await store.recordDeliveryAttempt(entryID: "b", at: t0, outcome: .failed(error: "535 authentication failed"))
        let entries = Dictionary(uniqueKeysWithValues: try await store.outboxEntries(depot: "nord").map { ($0.id, $0) })
        #expect(entries["a"]?.status == .sent)
        #expect(entries["a"]?.attempts == 2)
        #expect(entries["a"]?.lastError == "503")
        #expect(entries["a"]?.sentAt == t0.addingTimeInterval(30))
        #expect(entries["b"]?.status == .failed)
        #expect(try await store.deliveryAttempts(entryID: "a").map(\.outcome) == [.pending, .sent])
        #expect(try await store.nextOutboxDueDate(depot: "nord") == nil)
    }

    @Test func aFollowUpIsEnqueuedOnlyWhileTheIncidentIsOpen() async throws {
        guard
            case .opened(let opened) = try await store.openIncident(
                incident(), entries: [entry("a", repeatSeconds: 300), entry("b", repeatSeconds: 300)])
        else {
            Issue.record("expected a new incident")
            return
        }
        try await store.recordDeliveryAttempt(entryID: "a", at: t0, outcome: .sent, followUp: entry("a2", due: 300, repeatSeconds: 300))
        // A retry is not an end: no follow-up yet.
        try await store.recordDeliveryAttempt(
            entryID: "b", at: t0, outcome: .retry(at: t0.addingTimeInterval(30), error: "503"), followUp: entry("b2", due: 300))
        #expect(try await store.outboxEntries(depot: "nord", status: .pending).map(\.id).sorted() == ["a2", "b"])
        _ = try await store.acknowledgeIncident(depot: "nord", key: opened.incidentKey, by: "leitstelle", at: t0.addingTimeInterval(10))
        #expect(try await store.outboxEntries(depot: "nord", status: .pending).isEmpty)
        // A send that was under way when the acknowledgement came is still recorded, but does not repeat.
        try await store.recordDeliveryAttempt(entryID: "a2", at: t0.addingTimeInterval(300), outcome: .sent, followUp: entry("a3", due: 600))
        try await store.recordDeliveryAttempt(
            entryID: "b", at: t0.addingTimeInterval(30), outcome: .retry(at: t0.addingTimeInterval(90), error: "503"))
        let entries = Dictionary(uniqueKeysWithValues: try await store.outboxEntries(depot: "nord").map { ($0.id, $0) })
        #expect(entries["a2"]?.status == .sent)
        #expect(entries["a3"] == nil)
        #expect(entries["b"]?.status == .cancelled)
    }

    @Test func acknowledgingKeepsTheFirstAcknowledgementAndListsFilterByTenant() async throws {
        _ = try await store.openIncident(incident(), entries: [entry("a")])
        _ = try await store.openIncident(incident("fault|charger:NORD-A02", tenant: nil), entries: [entry("b", tenant: nil)])
        let key = "charger_offline|charger:NORD-A01"
        _ = try await store.acknowledgeIncident(depot: "nord", key: key, by: "leitstelle", at: t0)
        let again = try #require(try await store.acknowledgeIncident(depot: "nord", key: key, by: "chef", at: t0.addingTimeInterval(60)))
        #expect(again.acknowledgedBy == "leitstelle")
        #expect(again.acknowledgedAt == t0)
        #expect(try await store.acknowledgeIncident(depot: "nord", key: "unknown", by: "x", at: t0) == nil)
        #expect(try await store.incidents(depot: "nord", tenant: "hochbahn").map(\.incidentKey) == [key])
        #expect(try await store.incidents(depot: "nord", status: .open).map(\.incidentKey) == ["fault|charger:NORD-A02"])
        #expect(try await store.outboxEntries(depot: "nord", tenant: "hochbahn").map(\.id) == ["a"])
        #expect(try await store.outboxEntries(depot: "nord", status: .pending).map(\.id) == ["b"])
    }
}
