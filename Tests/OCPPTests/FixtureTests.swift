import Foundation
import OCPP
import Testing

@Suite("Golden fixtures")
struct FixtureTests {
    @Test func fixturesArePresent() {
        let fixtures = Fixture.all()
        #expect(fixtures.count >= 80)
        #expect(fixtures.filter { $0.expectedError != nil }.count >= 15)
    }

    @Test("valid fixture: decode, encode, same canonical JSON", arguments: Fixture.all().filter { $0.expectedError == nil })
    func roundTrip(fixture: Fixture) throws {
        let payload = try fixture.payload()
        let encoded = try #require(
            try Fixture.roundTrip(payload, message: fixture.message, action: fixture.action, isResponse: fixture.isResponse, version: fixture.version)
        )
        #expect(encoded.jsonText == payload.jsonText)
    }

    @Test("invalid twin: refused with the expected CALLERROR", arguments: Fixture.all().filter { $0.expectedError != nil })
    func invalidTwin(fixture: Fixture) throws {
        let payload = try fixture.payload()
        let error = #expect(throws: OCPPError.self) {
            try Fixture.roundTrip(payload, message: fixture.message, action: fixture.action, isResponse: fixture.isResponse, version: fixture.version)
        }
        #expect(error.map { OCPPErrorCode(for: $0.reason, version: fixture.version).rawValue } == fixture.expectedError)
    }
}
