import Foundation
import OCPP
import Testing

@Suite("Framing")
struct FramingTests {
    @Test(
        "well-formed frames",
        arguments: [
            (#"[2,"a1","Heartbeat",{}]"#, OCPPFrame.call(messageId: "a1", action: "Heartbeat", payload: .object([:]))),
            (
                #" [3, "a1", {"currentTime": "2026-11-24T17:00:00Z"}] "#,
                .callResult(messageId: "a1", payload: .object(["currentTime": .string("2026-11-24T17:00:00Z")]))
            ),
            (
                #"[4,"a1","NotSupported","no",{}]"#,
                .callError(messageId: "a1", errorCode: "NotSupported", errorDescription: "no", errorDetails: .object([:]))
            ),
        ])
    func decodes(text: String, frame: OCPPFrame) {
        #expect(OCPPFrame.decode(text) == .frame(frame))
    }

    @Test(
        "malformed CALLRESULT and CALLERROR are dropped, never answered",
        arguments: [
            #"[3,"a1"]"#, #"[3,"a1",[]]"#, #"[3,7,{}]"#, #"[4,"a1","X","y"]"#, #"[4,"a1",5,"y",{}]"#, #"[4,"a1","X","y",[]]"#,
        ])
    func dropsReplies(text: String) {
        guard case .drop = OCPPFrame.decode(text) else {
            Issue.record("expected drop for \(text)")
            return
        }
    }

    @Test func encodesFramesAsCompactSortedJSON() {
        let call = OCPPFrame.call(messageId: "a1", action: "Reset", payload: .object(["type": .string("Soft"), "a": .number(1.5)]))
        #expect(call.text == #"[2,"a1","Reset",{"a":1.5,"type":"Soft"}]"#)
        let result = OCPPFrame.callResult(messageId: "a1", payload: .object([:]))
        #expect(result.text == #"[3,"a1",{}]"#)
    }

    @Test func errorDescriptionIsCutTo255Characters() throws {
        let error = OCPPError(.propertyConstraint, String(repeating: "é", count: 300))
        let frame = OCPPFrame.callError(answering: "a1", error: error, version: .v16)
        guard case .frame(.callError(_, let code, let description, _)) = OCPPFrame.decode(frame.text) else {
            Issue.record("not a CALLERROR")
            return
        }
        #expect(code == "PropertyConstraintViolation")
        #expect(description.count == 255)
    }

    @Test func messageIdOf36CharactersIsAccepted() {
        let id = String(repeating: "a", count: 36)
        #expect(OCPPFrame.decode(#"[2,"\#(id)","Heartbeat",{}]"#) == .frame(.call(messageId: id, action: "Heartbeat", payload: .object([:]))))
    }
}
