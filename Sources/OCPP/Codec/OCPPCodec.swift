import Foundation

/// Typed payloads in and out: strict schema validation first (so every refusal carries the right
/// CALLERROR), then Foundation's Codable with RFC 3339 dates in the form Busbar sends.
public enum OCPPCodec {
    /// Validates `payload` against `T.schema` and decodes it.
    /// - Parameters:
    ///   - quirks: the relaxations allowed for this station's model.
    ///   - usedQuirks: gains the relaxations this payload needed.
    public static func decode<T: SchemaDescribed>(
        _ type: T.Type,
        from payload: JSONValue,
        quirks: DecodingQuirks = [],
        usedQuirks: inout DecodingQuirks
    ) throws(OCPPError) -> T {
        var validator = PayloadValidator(quirks: quirks)
        let checked = try validator.validatePayload(payload, against: T.schema)
        usedQuirks.formUnion(validator.usedQuirks)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = OCPPDateTime.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date-time"))
            }
            return date
        }
        do {
            return try decoder.decode(T.self, from: Data(checked.jsonText.utf8))
        } catch {
            throw OCPPError(.typeConstraint, "payload does not fit \(T.self)")
        }
    }

    /// Validates `payload` against `T.schema` and decodes it, strictly.
    public static func decode<T: SchemaDescribed>(_ type: T.Type, from payload: JSONValue) throws(OCPPError) -> T {
        var unused: DecodingQuirks = []
        return try decode(type, from: payload, quirks: [], usedQuirks: &unused)
    }

    /// The JSON form of a payload Busbar sends.
    /// - Throws: `internalFailure` when a value cannot be written as JSON (a non-finite number).
    public static func encode(_ value: some Encodable) throws(OCPPError) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(OCPPDateTime.format(date))
        }
        do {
            return try JSONParser.parse(try encoder.encode(value))
        } catch {
            throw OCPPError(.internalFailure, "payload cannot be encoded")
        }
    }

    /// Decodes a CALL a station sent, strictly or with the given quirks, when the caller does not
    /// log which quirks were needed.
    public static func decodeCall(
        action: String,
        payload: JSONValue,
        version: OCPPVersion,
        quirks: DecodingQuirks = []
    ) throws(OCPPError) -> IncomingCall {
        var unused: DecodingQuirks = []
        return try decodeCall(action: action, payload: payload, version: version, quirks: quirks, usedQuirks: &unused)
    }

    /// Decodes a CALL a station sent, deciding NotImplemented (action unknown to the version) and
    /// NotSupported (action Busbar only sends, or does not implement) before the payload.
    /// - Parameters:
    ///   - quirks: the relaxations allowed for this station's model.
    ///   - usedQuirks: gains the relaxations this payload needed, so the caller can log them.
    public static func decodeCall(
        action: String,
        payload: JSONValue,
        version: OCPPVersion,
        quirks: DecodingQuirks = [],
        usedQuirks: inout DecodingQuirks
    ) throws(OCPPError) -> IncomingCall {
        let decoded: IncomingCall?
        switch version {
        case .v16:
            decoded = try V16.StationCall.decode(action: action, payload: payload, quirks: quirks, usedQuirks: &usedQuirks).map(IncomingCall.v16)
        case .v201:
            decoded = try V201.StationCall.decode(action: action, payload: payload, quirks: quirks, usedQuirks: &usedQuirks).map(IncomingCall.v201)
        }
        if let decoded { return decoded }
        let known = version == .v16 ? V16.allActions : V201.allActions
        guard known.contains(action) else { throw OCPPError(.unknownAction, "unknown action") }
        throw OCPPError(.unsupportedAction, "action not supported by the CSMS")
    }
}
