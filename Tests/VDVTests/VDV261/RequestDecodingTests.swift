import Foundation
import Testing
import VDV

@Suite("VDV 261 request decoding")
struct RequestDecodingTests {
    /// The request of docs/vdv.md B7.
    static let b7 = #"""
        {"seq": 0, "vin": "WDB62830419876543", "evccid": "001A2B3C4D60",
         "odo": 288140, "bat_reqtime": 25, "bat_eamount": 168000,
         "prec_reqtime": 35, "prec_eamount": 11000, "chrg_stat": 1,
         "h2_stat": 0, "bat_stat": 0}
        """#

    @Test func readsTheB7Example() throws {
        let request = try VDV261.Request.decode(Data(Self.b7.utf8))
        #expect(
            request
                == VDV261.Request(
                    seq: 0, vin: "WDB62830419876543", evccid: "001A2B3C4D60", odo: 288_140, batReqtime: 25, batEamount: 168_000,
                    precReqtime: 35, precEamount: 11_000, chrgStat: 1, h2Stat: 0, batStat: 0
                )
        )
    }

    @Test func nullsAreAbsentAndUnknownFieldsIgnored() throws {
        let body = #"{"seq": 255, "vin": "WDB6283041987", "odo": null, "bprec_eamount": 900, "firmware": "2.1"}"#
        #expect(try VDV261.Request.decode(Data(body.utf8)) == VDV261.Request(seq: 255, vin: "WDB6283041987", bprecEamount: 900))
    }

    @Test(arguments: [
        (#"[1, 2]"#, VDV261.RequestError.notAJSONObject, 400),
        (#"{"seq": 0"#, .notAJSONObject, 400),
        ("", .notAJSONObject, 400),
        (#"{"vin": "WDB62830419876543"}"#, .missingField("seq"), 400),
        (#"{"seq": 1}"#, .missingField("vin"), 400),
        (#"{"seq": "1", "vin": "WDB62830419876543"}"#, .wrongType(field: "seq", expected: "an integer"), 400),
        (#"{"seq": 256, "vin": "WDB62830419876543"}"#, .outOfRange(field: "seq", detail: "must be 0–255, got 256"), 400),
        (#"{"seq": -1, "vin": "WDB62830419876543"}"#, .outOfRange(field: "seq", detail: "must be 0–255, got -1"), 400),
        (#"{"seq": 1, "vin": 42}"#, .wrongType(field: "vin", expected: "a string"), 400),
        (#"{"seq": 1, "vin": "WDB6283041"}"#, .outOfRange(field: "vin", detail: "must be 11–17 printable ASCII characters"), 400),
        (#"{"seq": 1, "vin": "WDB628304198765432"}"#, .outOfRange(field: "vin", detail: "must be 11–17 printable ASCII characters"), 400),
        (#"{"seq": 1, "vin": "WDB62830419876Ä43"}"#, .outOfRange(field: "vin", detail: "must be 11–17 printable ASCII characters"), 400),
        (#"{"seq": 1, "vin": "WDB62830419876543", "odo": 1.5}"#, .wrongType(field: "odo", expected: "an integer"), 400),
        (#"{"seq": 1, "vin": "WDB62830419876543", "evccid": 7}"#, .wrongType(field: "evccid", expected: "a string"), 400),
    ])
    func refusesWithAClear4xx(body: String, error: VDV261.RequestError, status: Int) {
        #expect(throws: error) {
            try VDV261.Request.decode(Data(body.utf8))
        }
        #expect(error.httpStatus == status)
    }

    @Test func bodiesAbove16KiBAre413() {
        let padding = String(repeating: " ", count: VDV261.maximumBodySize)
        let body = Data((#"{"seq": 0, "vin": "WDB62830419876543"}"# + padding).utf8)
        #expect(throws: VDV261.RequestError.bodyTooLarge(body.count)) {
            try VDV261.Request.decode(body)
        }
        #expect(VDV261.RequestError.bodyTooLarge(body.count).httpStatus == 413)
        #expect(VDV261.RequestError.bodyTooLarge(16_385).description == "body of 16385 bytes exceeds 16384 bytes")
    }

    @Test func aBodyOfExactly16KiBIsRead() throws {
        let head = #"{"seq": 0, "vin": "WDB62830419876543"}"#
        let body = Data((head + String(repeating: " ", count: VDV261.maximumBodySize - head.utf8.count)).utf8)
        #expect(try VDV261.Request.decode(body).seq == 0)
    }

    @Test(
        arguments: [
            (nil, VDV261.Request(seq: 0, vin: "WDB62830419876543"), VDV261.Version.v1),
            (nil, VDV261.Request(seq: 0, vin: "WDB62830419876543", batStat: 0), .v2),
            (nil, VDV261.Request(seq: 0, vin: "WDB62830419876543", h2Stat: 2), .v2),
            (.v1, VDV261.Request(seq: 0, vin: "WDB62830419876543", h2Stat: 2, batStat: 0), .v1),
            (.v2, VDV261.Request(seq: 0, vin: "WDB62830419876543"), .v2),
        ] as [(VDV261.Version?, VDV261.Request, VDV261.Version)])
    func versionIsConfiguredElseDetected(configured: VDV261.Version?, request: VDV261.Request, version: VDV261.Version) {
        #expect(VDV261.Version.detect(configured: configured, request: request) == version)
    }
}
