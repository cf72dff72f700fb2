import OCPP
import Testing

/// docs/ocpp.md §4, one row per situation and version, driven through ``OCPPSession`` as the server
/// will: the frame goes in, the CALLERROR frame comes out.
@Suite("CALLERROR table")
struct CallErrorTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let situation: String
        let frame: String
        let code: OCPPErrorCode
        var messageId = "m1"
        var bootState = BootState.accepted
        var testDescription: String { situation }
    }

    static let long = String(repeating: "x", count: 37)

    static let v16: [Row] = [
        Row(situation: "not JSON", frame: "{[", code: .formationViolation, messageId: "-1"),
        Row(situation: "not an array", frame: "{}", code: .formationViolation, messageId: "-1"),
        Row(situation: "empty array", frame: "[]", code: .formationViolation, messageId: "-1"),
        Row(situation: "type not an integer", frame: #"["2","m1","Heartbeat",{}]"#, code: .formationViolation, messageId: "-1"),
        Row(situation: "CALL arity", frame: #"[2,"m1","Heartbeat"]"#, code: .formationViolation),
        Row(situation: "messageId not a string", frame: #"[2,7,"Heartbeat",{}]"#, code: .formationViolation, messageId: "-1"),
        Row(situation: "messageId > 36", frame: #"[2,"\#(long)","Heartbeat",{}]"#, code: .formationViolation, messageId: "-1"),
        Row(situation: "action not a string", frame: #"[2,"m1",7,{}]"#, code: .formationViolation),
        Row(situation: "type 5 (2.1)", frame: #"[5,"m1","Heartbeat",{}]"#, code: .formationViolation),
        Row(situation: "type 6 (2.1)", frame: #"[6,"m1","Heartbeat",{}]"#, code: .formationViolation),
        Row(situation: "unknown action", frame: #"[2,"m1","FlyToTheMoon",{}]"#, code: .notImplemented),
        Row(situation: "wrong direction", frame: #"[2,"m1","RemoteStartTransaction",{"idTag":"A"}]"#, code: .notSupported),
        Row(situation: "not supported", frame: #"[2,"m1","SignCertificate",{"csr":"x"}]"#, code: .notSupported),
        Row(situation: "payload not an object", frame: #"[2,"m1","Heartbeat",[]]"#, code: .formationViolation),
        Row(situation: "unknown property", frame: #"[2,"m1","Heartbeat",{"x":1}]"#, code: .formationViolation),
        Row(situation: "required missing", frame: #"[2,"m1","Authorize",{}]"#, code: .occurenceConstraintViolation),
        Row(situation: "too few items", frame: #"[2,"m1","MeterValues",{"connectorId":1,"meterValue":[]}]"#, code: .occurenceConstraintViolation),
        Row(situation: "wrong JSON type", frame: #"[2,"m1","Authorize",{"idTag":5}]"#, code: .typeConstraintViolation),
        Row(situation: "string too long", frame: #"[2,"m1","Authorize",{"idTag":"\#(long)"}]"#, code: .propertyConstraintViolation),
        Row(
            situation: "not in enum",
            frame: #"[2,"m1","StatusNotification",{"connectorId":1,"errorCode":"Error","status":"Available"}]"#,
            code: .propertyConstraintViolation
        ),
        Row(
            situation: "connectorId 2^31",
            frame: #"[2,"m1","StatusNotification",{"connectorId":2147483648,"errorCode":"NoError","status":"Available"}]"#,
            code: .propertyConstraintViolation
        ),
        Row(
            situation: "year 222222017",
            frame: #"[2,"m1","SecurityEventNotification",{"type":"x","timestamp":"222222017-01-01T00:00:00Z"}]"#,
            code: .propertyConstraintViolation
        ),
        Row(
            situation: "month 00",
            frame: #"[2,"m1","SecurityEventNotification",{"type":"x","timestamp":"2026-00-01T00:00:00Z"}]"#,
            code: .propertyConstraintViolation
        ),
        Row(situation: "not accepted", frame: #"[2,"m1","Heartbeat",{}]"#, code: .securityError, bootState: .pending),
    ]

    static let v201: [Row] = [
        Row(situation: "not JSON", frame: "{[", code: .rpcFrameworkError, messageId: "-1"),
        Row(situation: "not an array", frame: "{}", code: .rpcFrameworkError, messageId: "-1"),
        Row(situation: "empty array", frame: "[]", code: .rpcFrameworkError, messageId: "-1"),
        Row(situation: "type not an integer", frame: #"[null,"m1","Heartbeat",{}]"#, code: .rpcFrameworkError, messageId: "-1"),
        Row(situation: "CALL arity", frame: #"[2,"m1","Heartbeat",{},{}]"#, code: .rpcFrameworkError),
        Row(situation: "messageId not a string", frame: #"[2,null,"Heartbeat",{}]"#, code: .rpcFrameworkError, messageId: "-1"),
        Row(situation: "messageId > 36", frame: #"[2,"\#(long)","Heartbeat",{}]"#, code: .rpcFrameworkError, messageId: "-1"),
        Row(situation: "action not a string", frame: #"[2,"m1",{},{}]"#, code: .rpcFrameworkError),
        Row(situation: "type 5 (2.1)", frame: #"[5,"m1","Heartbeat",{}]"#, code: .messageTypeNotSupported),
        Row(situation: "type 6 (2.1)", frame: #"[6,"m1","Heartbeat",{}]"#, code: .messageTypeNotSupported),
        Row(situation: "unknown action", frame: #"[2,"m1","RemoteStartTransaction",{}]"#, code: .notImplemented),
        Row(situation: "wrong direction", frame: #"[2,"m1","RequestStartTransaction",{}]"#, code: .notSupported),
        Row(situation: "not supported", frame: #"[2,"m1","SignCertificate",{"csr":"x"}]"#, code: .notSupported),
        Row(situation: "payload not an object", frame: #"[2,"m1","Heartbeat","x"]"#, code: .formatViolation),
        Row(situation: "unknown property", frame: #"[2,"m1","Heartbeat",{"x":1}]"#, code: .formatViolation),
        Row(situation: "required missing", frame: #"[2,"m1","Authorize",{}]"#, code: .occurrenceConstraintViolation),
        Row(situation: "too few items", frame: #"[2,"m1","MeterValues",{"evseId":1,"meterValue":[]}]"#, code: .occurrenceConstraintViolation),
        Row(situation: "wrong JSON type", frame: #"[2,"m1","Heartbeat",{"customData":{"vendorId":5}}]"#, code: .typeConstraintViolation),
        Row(
            situation: "string too long",
            frame: #"[2,"m1","Authorize",{"idToken":{"idToken":"\#(long)","type":"Central"}}]"#,
            code: .propertyConstraintViolation
        ),
        Row(
            situation: "not in enum",
            frame: #"[2,"m1","Authorize",{"idToken":{"idToken":"A","type":"Magic"}}]"#,
            code: .propertyConstraintViolation
        ),
        Row(
            situation: "evseId above the bound of 64",
            frame: #"[2,"m1","StatusNotification",{"timestamp":"2026-11-24T17:00:00Z","connectorStatus":"Available","evseId":65,"connectorId":1}]"#,
            code: .propertyConstraintViolation
        ),
        Row(
            situation: "year 222222017",
            frame: #"[2,"m1","SecurityEventNotification",{"type":"x","timestamp":"222222017-01-01T00:00:00Z"}]"#,
            code: .propertyConstraintViolation
        ),
        Row(
            situation: "month 00",
            frame: #"[2,"m1","SecurityEventNotification",{"type":"x","timestamp":"2026-00-01T00:00:00Z"}]"#,
            code: .propertyConstraintViolation
        ),
        Row(situation: "not accepted", frame: #"[2,"m1","Heartbeat",{}]"#, code: .securityError, bootState: .unknown),
    ]

    private func reply(to row: Row, version: OCPPVersion) -> [SessionAction] {
        var session = OCPPSession(version: version, bootState: row.bootState)
        return session.receive(row.frame, at: .now)
    }

    private func check(_ row: Row, version: OCPPVersion) {
        let sent = reply(to: row, version: version).compactMap { action -> OCPPFrame? in
            if case .send(let frame) = action { return frame }
            return nil
        }
        guard case .callError(let messageId, let code, _, let details)? = sent.first else {
            Issue.record("no CALLERROR for \(row.situation): \(sent)")
            return
        }
        #expect(sent.count == 1)
        #expect(code == row.code.rawValue)
        #expect(messageId == row.messageId)
        #expect(details == .object([:]))
    }

    @Test("OCPP 1.6", arguments: v16)
    func table16(row: Row) {
        check(row, version: .v16)
    }

    @Test("OCPP 2.0.1", arguments: v201)
    func table201(row: Row) {
        check(row, version: .v201)
    }

    @Test("internal failure of the handler", arguments: [(OCPPVersion.v16, "InternalError"), (.v201, "InternalError")])
    func internalFailure(version: OCPPVersion, code: String) {
        var session = OCPPSession(version: version, bootState: .accepted)
        _ = session.receive(#"[2,"m1","Heartbeat",{}]"#, at: .now)
        let actions = session.fail("m1", error: OCPPError(.internalFailure, "storage unavailable"))
        #expect(
            actions.last == .send(.callError(messageId: "m1", errorCode: code, errorDescription: "storage unavailable", errorDetails: .object([:]))))
    }

    @Test("every reason maps to a code of its version", arguments: OCPPError.Reason.allCases)
    func mappingIsTotal(reason: OCPPError.Reason) {
        let v16 = OCPPErrorCode(for: reason, version: .v16)
        let v201 = OCPPErrorCode(for: reason, version: .v201)
        #expect(![OCPPErrorCode.formatViolation, .rpcFrameworkError, .messageTypeNotSupported, .occurrenceConstraintViolation].contains(v16))
        #expect(![OCPPErrorCode.formationViolation, .occurenceConstraintViolation].contains(v201))
    }

    @Test("received codes: 2.0.1 accepts the 1.6 spelling, unknown codes are kept raw")
    func receivedCodes() {
        #expect(OCPPErrorCode(received: "FormationViolation", version: .v201) == .formatViolation)
        #expect(OCPPErrorCode(received: "FormationViolation", version: .v16) == .formationViolation)
        #expect(OCPPErrorCode(received: "Error", version: .v16) == nil)
    }
}
