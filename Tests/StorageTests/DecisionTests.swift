import DepotModel
import Foundation
import Storage
import Testing

@Suite("Policy decision records")
struct DecisionTests {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    private func record(depot: DepotID = "nord", domain: PolicyDomain = .priority, minute: Double, error: String? = nil) -> PolicyDecisionRecord {
        PolicyDecisionRecord(
            id: UUID(), depot: depot, domain: domain, revision: "abc", now: t0.addingTimeInterval(minute * 60),
            input: #"{"ctx":{}}"#, output: "[]", reasons: ["fleet", "public"], trace: "{}", instructions: 2_000,
            memoryBytes: 40_000, durationMicroseconds: 120, decidedBy: error == nil ? .policy : .defaultPolicy, error: error)
    }

    @Test func decisionsRoundTripAndFilterByDepotDomainAndTime() async throws {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        let failed = record(minute: 1, error: "policies/nord/priority.lua:3: boom")
        let records = [record(minute: 0), failed, record(domain: .escalation, minute: 2), record(depot: "sued", minute: 1), record(minute: 10)]
        try await store.recordDecisions(records)
        try await store.recordDecisions([failed])  // a repeat is ignored

        let priority = try await store.decisions(depot: "nord", domain: .priority, since: t0, until: t0.addingTimeInterval(600))
        #expect(priority == [records[0], failed])
        #expect(priority[1].fallback)
        #expect(try await store.decisions(depot: "nord", since: t0).count == 4)
        #expect(try await store.decisions(depot: "nord", since: t0, limit: 2) == [records[0], failed])
    }

    @Test func pruningKeepsTheRetentionWindow() async throws {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        try await store.recordDecisions((0..<5).map { record(minute: Double($0)) })
        #expect(try await store.pruneDecisions(olderThan: t0.addingTimeInterval(180)) == 3)
        #expect(try await store.decisions(depot: "nord", since: .distantPast).map(\.now) == [t0.addingTimeInterval(180), t0.addingTimeInterval(240)])
    }
}
