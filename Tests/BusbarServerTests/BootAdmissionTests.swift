import DepotModel
import Foundation
import Testing

@testable import BusbarServer

@Suite("Boot admission during reconnect storms")
struct BootAdmissionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func admitsTheBudgetThenAnswersPendingWithAJitteredInterval() async {
        let admission = BootAdmission(perSecond: 5, jitter: { 3 })
        var decisions: [BootAdmission.Decision] = []
        for _ in 0..<8 { decisions.append(await admission.decide(at: now)) }
        #expect(decisions.prefix(5).allSatisfy { $0.state == .accepted && $0.retryAfter == nil })
        // Over budget: Pending with 10 s + ⌈queued / rate⌉ s + jitter (docs/ocpp.md §10).
        #expect(decisions.suffix(3).map(\.state) == [.pending, .pending, .pending])
        #expect(decisions.suffix(3).map(\.retryAfter) == [14, 14, 14])
    }

    @Test func stationsRetryingLaterAreAccepted() async {
        let admission = BootAdmission(perSecond: 2, jitter: { 0 })
        _ = await admission.decide(at: now)
        _ = await admission.decide(at: now)
        #expect(await admission.decide(at: now).state == .pending)
        #expect(await admission.decide(at: now.addingTimeInterval(1)).state == .accepted)
    }
}
