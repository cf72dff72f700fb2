import Foundation
import Testing
import VDV

@Suite("VDV 463 timestamps")
struct TimestampTests {
    @Test(arguments: [
        ("2026-03-09T04:50:00.000Z", 0.0),
        ("2026-03-09T04:50:00Z", 0),
        ("2026-03-09T04:50:00z", 0),
        ("2026-03-09t04:50:00Z", 0),
        ("2026-03-09T05:50:00+01:00", 0),
        ("2026-03-08T23:20:00-05:30", 0),
        ("2026-03-09T04:50:00.5Z", 0.5),
        ("2026-03-09T04:50:00.123456+00:00", 0.123456),
        ("2026-03-09T04:49:59.999Z", -0.001),
    ])
    func parsesWithAndWithoutFractionsAndAnyOffset(text: String, secondsAfterBoot: Double) throws {
        let date = try #require(VDV463.Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince(Instant.boot) - secondsAfterBoot) < 1e-6)
    }

    @Test(arguments: [
        "2026-02-30T04:50:00Z", "2026-13-01T04:50:00Z", "2026-00-01T04:50:00Z", "2025-02-29T00:00:00Z",
        "2026-03-09T24:00:00Z", "2026-03-09T04:60:00Z", "2026-03-09T04:50:60Z", "2026-03-09T04:50:00",
        "2026-03-09 04:50:00Z", "26-03-09T04:50:00Z", "222222017-03-09T04:50:00Z", "2026-03-09T04:50:00.Z",
        "2026-03-09T04:50:00+0100", "2026-03-09T04:50:00+01:00 ", "2026-03-09", "",
    ])
    func refusesAnythingElse(text: String) {
        #expect(VDV463.Timestamp.parse(text) == nil)
    }

    @Test(arguments: [
        (1_773_031_800.0, "2026-03-09T04:50:00.000Z"),
        (1_773_031_800.0851, "2026-03-09T04:50:00.085Z"),
        (951_825_600, "2000-02-29T12:00:00.000Z"),
        (0, "1970-01-01T00:00:00.000Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
    ])
    func formatsUTCWithMilliseconds(seconds: Double, text: String) {
        #expect(VDV463.Timestamp.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func formattedTimestampsParseBackToTheSameMillisecond() throws {
        var generator = SplitMix64(seed: 463)
        for _ in 0..<1000 {
            let milliseconds = Double(Int64.random(in: -2_000_000_000_000...8_000_000_000_000, using: &generator))
            let date = Date(timeIntervalSince1970: milliseconds / 1000)
            let parsed = try #require(VDV463.Timestamp.parse(VDV463.Timestamp.format(date)))
            #expect(abs(parsed.timeIntervalSince(date)) < 0.000_5)
        }
    }
}
