import BusbarServer
import DepotModel
import Foundation
import Logging
import Storage
import Testing

@Suite("Retention")
struct RetentionServiceTests {
    /// A clock standing still at one instant: retention only reads the time.
    struct FixedClock: BusbarClock {
        let instant: Date
        func now() -> Date { instant }
        func sleep(until deadline: Date) async throws {}
    }

    @Test func oldFramesGoAndRecentOnesStay() async throws {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try await store.appendMessageLog(station: "S", direction: .received, frame: "old", at: now.addingTimeInterval(-31 * 86_400))
        try await store.appendMessageLog(station: "S", direction: .received, frame: "recent", at: now.addingTimeInterval(-29 * 86_400))
        let service = RetentionService(
            store: store, clock: FixedClock(instant: now), ocppLogDays: 30, decisionDays: 90, logger: Logger(label: "test"))
        let pruned = try await service.pruneOnce()
        #expect(pruned.frames == 1)
        #expect(try await store.messageLog(station: "S").map(\.frame) == ["recent"])
    }
}
