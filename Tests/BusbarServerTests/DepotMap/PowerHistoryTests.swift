import Foundation
import Testing

@testable import BusbarServer

/// The chart's ring buffer: bounded, oldest first, and able to say what a stream has not sent.
@Suite("Power history")
struct PowerHistoryTests {
    static func sample(_ minute: Int) -> PowerSample {
        PowerSample(at: Date(timeIntervalSince1970: Double(minute) * 60), powerKw: Double(minute) * 10, limitKw: 700)
    }

    @Test(arguments: [0, 1, 3, 4, 5, 11])
    func keepsTheNewestSamplesOldestFirst(count: Int) {
        var history = PowerHistory(capacity: 4)
        for minute in 0..<count { history.append(Self.sample(minute)) }
        let expected = (max(0, count - 4)..<count).map(Self.sample)
        #expect(history.samples == expected)
        #expect(history.first == expected.first)
    }

    @Test func samplesAfterAnInstantAreTheOnesNotSentYet() {
        var history = PowerHistory(capacity: 3)
        for minute in 0..<5 { history.append(Self.sample(minute)) }
        #expect(history.samples(after: Self.sample(2).at) == [Self.sample(3), Self.sample(4)])
        #expect(history.samples(after: Self.sample(4).at).isEmpty)
        #expect(history.samples(after: .distantPast) == [Self.sample(2), Self.sample(3), Self.sample(4)])
    }
}
