import Foundation
import OCPP
import Testing

/// One golden fixture file: `<Message>[.<variant>].json`, or an invalid twin
/// `<Message>.invalid.<ExpectedErrorCode>[.<variant>].json`.
struct Fixture: CustomTestStringConvertible, Sendable {
    let version: OCPPVersion
    let url: URL

    var testDescription: String { "\(version == .v16 ? "v16" : "v201")/\(url.lastPathComponent)" }

    private var nameParts: [Substring] { url.deletingPathExtension().lastPathComponent.split(separator: ".") }

    /// `BootNotificationRequest`, `TransactionEventResponse`, ...
    var message: String { String(nameParts[0]) }

    var action: String {
        message.hasSuffix("Request") ? String(message.dropLast(7)) : String(message.dropLast(8))
    }

    var isResponse: Bool { message.hasSuffix("Response") }

    /// The CALLERROR an invalid twin must produce; nil for a valid fixture.
    var expectedError: String? {
        nameParts.count > 2 && nameParts[1] == "invalid" ? String(nameParts[2]) : nil
    }

    func payload() throws -> JSONValue {
        try JSONParser.parse(Data(contentsOf: url))
    }

    /// Decodes the payload with the generated type of its message and direction, then encodes it.
    static func roundTrip(
        _ payload: JSONValue, message: String, action: String, isResponse: Bool, version: OCPPVersion
    ) throws(OCPPError) -> JSONValue? {
        var used: DecodingQuirks = []
        switch (version, isResponse) {
        case (.v16, false):
            if let call = try V16.StationCall.decode(action: action, payload: payload, usedQuirks: &used) { return try call.payload() }
            return try V16.CSMSCall.decode(action: action, payload: payload, usedQuirks: &used)?.payload()
        case (.v16, true):
            if let result = try V16.StationCallResult.decode(action: action, payload: payload, usedQuirks: &used) { return try result.payload() }
            return try V16.CSMSCallResult.decode(action: action, payload: payload, usedQuirks: &used)?.payload()
        case (.v201, false):
            if let call = try V201.StationCall.decode(action: action, payload: payload, usedQuirks: &used) { return try call.payload() }
            return try V201.CSMSCall.decode(action: action, payload: payload, usedQuirks: &used)?.payload()
        case (.v201, true):
            if let result = try V201.StationCallResult.decode(action: action, payload: payload, usedQuirks: &used) { return try result.payload() }
            return try V201.CSMSCallResult.decode(action: action, payload: payload, usedQuirks: &used)?.payload()
        }
    }

    static func all() -> [Fixture] {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        return [(OCPPVersion.v16, "v16"), (.v201, "v201")].flatMap { version, folder in
            let directory = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { Fixture(version: version, url: directory.appendingPathComponent($0)) }
        }
    }
}
