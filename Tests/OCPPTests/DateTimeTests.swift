import Foundation
import OCPP
import Testing

@Suite("RFC 3339 date-times")
struct DateTimeTests {
    @Test(
        "accepted",
        arguments: [
            ("2026-11-24T17:00:00Z", 1_795_539_600.0),
            ("2026-11-24T18:00:00+01:00", 1_795_539_600.0),
            ("2026-11-24t17:00:00.5z", 1_795_539_600.5),
            ("2024-02-29T00:00:00Z", 1_709_164_800.0),
            ("1970-01-01T00:00:00Z", 0),
            ("2026-11-24T17:00:00.123456789Z", 1_795_539_600.123456789),
        ])
    func parses(text: String, seconds: Double) {
        #expect(OCPPDateTime.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(
        "refused",
        arguments: [
            "222222017-01-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T17:00:00", "2026-11-24 17:00:00Z",
            "2026-11-24T17:00:00.Z", "2026-11-24T17:00:00+1:00", "0000-01-01T00:00:00Z", "26-11-24T17:00:00Z",
        ])
    func refuses(text: String) {
        #expect(OCPPDateTime.parse(text) == nil)
    }

    @Test(
        "formatted in UTC, milliseconds only when present",
        arguments: [
            (1_795_539_600.0, "2026-11-24T17:00:00Z"),
            (1_795_539_600.25, "2026-11-24T17:00:00.250Z"),
            (-1.0, "1969-12-31T23:59:59Z"),
            (1e300, "9999-12-31T23:59:59.999Z"),
        ])
    func formats(seconds: Double, text: String) {
        #expect(OCPPDateTime.format(Date(timeIntervalSince1970: seconds)) == text)
    }
}
