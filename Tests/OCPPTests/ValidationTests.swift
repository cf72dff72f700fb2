import Foundation
import OCPP
import Testing

@Suite("Strict decoding and quirks")
struct ValidationTests {
    private func status(_ payload: String, quirks: DecodingQuirks = []) throws(OCPPError) -> (V16.StatusNotificationRequest, DecodingQuirks) {
        var used: DecodingQuirks = []
        let value = try OCPPCodec.decode(V16.StatusNotificationRequest.self, from: try! JSONParser.parse(payload), quirks: quirks, usedQuirks: &used)
        return (value, used)
    }

    @Test func strictByDefault() {
        #expect(throws: OCPPError.self) { try status(#"{"connectorId":"1","errorCode":"NoError","status":"Available"}"#) }
        #expect(throws: OCPPError.self) { try status(#"{"connectorId":1,"errorCode":"NoError","status":"Available","x":1}"#) }
    }

    @Test func numericStringsQuirk() throws {
        let (value, used) = try status(#"{"connectorId":"1","errorCode":"NoError","status":"Available"}"#, quirks: .numericStrings)
        #expect(value.connectorId == 1)
        #expect(used == .numericStrings)
        #expect(throws: OCPPError.self) { try status(#"{"connectorId":"one","errorCode":"NoError","status":"Available"}"#, quirks: .numericStrings) }
    }

    @Test func unknownPropertiesQuirk() throws {
        let (value, used) = try status(#"{"connectorId":1,"errorCode":"NoError","status":"Available","vendorX":{}}"#, quirks: .allowUnknownProperties)
        #expect(value.status == .available)
        #expect(used == .allowUnknownProperties)
    }

    @Test func customDataIsAllowedIn201() throws {
        let payload = try JSONParser.parse(#"{"customData":{"vendorId":"v","anything":[1]}}"#)
        #expect(throws: Never.self) { try OCPPCodec.decode(V201.HeartbeatRequest.self, from: payload) }
    }

    @Test("reported counts are bounded before use", arguments: [65, 2_147_483_648])
    func connectorBound(connector: Int) {
        let error = #expect(throws: OCPPError.self) {
            try status(#"{"connectorId":\#(connector),"errorCode":"NoError","status":"Available"}"#)
        }
        #expect(error?.reason == .propertyConstraint)
    }

    @Test func periodCountIsBounded() throws {
        let periods = (0..<1025).map { #"{"startPeriod":\#($0 * 60),"limit":10.0}"# }.joined(separator: ",")
        let payload = try JSONParser.parse(#"{"chargingRateUnit":"A","chargingSchedulePeriod":[\#(periods)]}"#)
        let error = #expect(throws: OCPPError.self) { try OCPPCodec.decode(V16.ChargingSchedule.self, from: payload) }
        #expect(error?.reason == .occurrence)
    }

    @Test("limits must be multiples of 0.1", arguments: [(12.3, true), (150000.0, true), (12.34, false), (12.30000001, false)])
    func tenths(limit: Double, valid: Bool) throws {
        let payload = try JSONParser.parse(#"{"startPeriod":0,"limit":\#(limit)}"#)
        let result = Result { () throws(OCPPError) in try OCPPCodec.decode(V16.ChargingSchedulePeriod.self, from: payload) }
        let decoded = (try? result.get()) != nil
        #expect(decoded == valid)
    }

    @Test(
        "1.6 readings normalised",
        arguments: [
            ("1234567", "Wh", 1234.567, "kWh"), ("148.2", "kW", 148.2, "kW"), ("22000", "W", 22, "kW"), ("63", "Percent", 63, "Percent"),
        ])
    func readings(text: String, unit: String, value: Double, normalisedUnit: String) throws {
        let sample = V16.SampledValue(value: text, unit: V16.SampledValue.Unit(rawValue: unit))
        let reading = try #require(sample.reading)
        #expect(abs(reading.value - value) < 1e-9)
        #expect(reading.unit == normalisedUnit)
    }

    @Test("unreadable or signed readings give no number", arguments: ["", "1,5", "nan", "inf", "0x10", "1e"])
    func unreadable(text: String) {
        #expect(V16.SampledValue(value: text).reading == nil)
        #expect(V16.SampledValue(value: "12", format: .signedData).reading == nil)
    }

    @Test func defaultUnitIsWh() {
        #expect(V16.SampledValue(value: "1000").reading == MeterReading(text: "1", unit: "kWh", signed: false))
    }
}
