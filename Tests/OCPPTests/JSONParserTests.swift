import Foundation
import OCPP
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test(
        "valid documents",
        arguments: [
            (
                #"{"a":[1,-2.5e3,true,false,null,"x\"\\\/\n\u00e9\ud83d\ude00"]}"#,
                JSONValue.object(["a": .array([.number(1), .number(-2500), .bool(true), .bool(false), .null, .string("x\"\\/\né😀")])])
            ),
            ("1e400", .number(Double.greatestFiniteMagnitude)),
            ("-1e400", .number(-Double.greatestFiniteMagnitude)),
            (" \"\" ", .string("")),
        ])
    func parses(text: String, value: JSONValue) throws {
        #expect(try JSONParser.parse(text) == value)
    }

    @Test(
        "refused documents",
        arguments: [
            "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "+1", "NaN", "tru", "\"\u{01}\"", "\"\\x\"", "\"\\ud800\"",
            "\"\\udc00\"", "{\"a\":1,\"a\":2}", "[1] [2]", "{1:2}",
        ])
    func refuses(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    @Test func duplicateKeysAreRefused() {
        #expect(throws: JSONParseError.duplicateKey("a")) { try JSONParser.parse(#"{"a":1,"a":1}"#) }
    }

    @Test("nesting is bounded without exhausting the stack", arguments: [100_000])
    func deepNesting(depth: Int) {
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: JSONParseError.tooDeep) { try JSONParser.parse(text) }
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(allowed) }
    }

    @Test func textRoundTrips() throws {
        let text = #"{"a":[1,2.5,"\u0001\"",null],"b":{"c":false}}"#
        #expect(try JSONParser.parse(text).jsonText == text)
    }
}
