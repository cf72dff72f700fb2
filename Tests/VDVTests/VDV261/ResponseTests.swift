import Foundation
import Testing
import VDV

@Suite("VDV 261 reply")
struct ResponseTests {
    static let request = VDV261.Request(seq: 0, vin: "WDB62830419876543", h2Stat: 0, batStat: 0)

    static func text(_ response: VDV261.Response) -> String {
        String(decoding: response.encoded(), as: UTF8.self)
    }

    @Test func theB7ReplyWithDefaultSettings() {
        let decision = VDV261.Decision(
            departure: Instant.departure,
            preconditioningDesired: false,
            climateMode: .hotWaterAndHeating,
            ambientTemperature: -6.5,
            targetSoc: 90
        )
        let response = VDV261.Response(replyingTo: Self.request, decision: decision, version: .v2, settings: .init())
        #expect(
            Self.text(response)
                == #"{"seq": 0, "vin": "WDB62830419876543", "driveoff": 65535, "prec_dsrd": 0, "prec_hvac": 1, "ambienttemp": 255, "target_soc": 90}"#
        )
    }

    @Test(arguments: [(VDV261.Version.v2, true), (.v1, false)])
    func aConfiguredTargetDistanceIsItsSNAForV2Only(version: VDV261.Version, sent: Bool) {
        let decision = VDV261.Decision(preconditioningDesired: false, targetSoc: 90)
        let response = VDV261.Response(
            replyingTo: Self.request, decision: decision, version: version, settings: .init(targetDistanceNotAvailable: 65535))
        #expect(response.targetDist == (sent ? 65535 : nil))
        #expect(Self.text(response).hasSuffix(sent ? #""target_soc": 90, "target_dist": 65535}"# : #""ambienttemp": 255}"#))
    }

    @Test func v1RepliesCarryNoTargetSocAndEchoSeq() {
        let request = VDV261.Request(seq: 42, vin: "WDB62830419876543")
        let decision = VDV261.Decision(preconditioningDesired: true, targetSoc: 90)
        #expect(
            Self.text(VDV261.Response(replyingTo: request, decision: decision, version: .v1, settings: .init()))
                == #"{"seq": 42, "vin": "WDB62830419876543", "driveoff": 65535, "prec_dsrd": 1, "prec_hvac": 3, "ambienttemp": 255}"#
        )
    }

    @Test(arguments: [
        (VDV463.PreconditioningRequest.warmWaterAndVentilation, 0),
        (.hotWaterAndHeating, 1),
        (.noWaterCoolingOrVentilation, 2),
        (.noClimaticPreconditioningOrSNA, 3),
        (.noClimatePreconditioningOrAutomaticPreselectionByTheVehicle, 3),
        (.sna, 3),
        (VDV463.PreconditioningRequest(rawValue: "DefrostOnly"), 3),
    ])
    func climateModes(mode: VDV463.PreconditioningRequest, precHvac: Int) {
        #expect(VDV261.Settings().climateModeValue(for: mode) == precHvac)
    }

    @Test func noClimateModeIsTheConfiguredSNA() {
        #expect(VDV261.Settings().climateModeValue(for: nil) == 3)
    }

    @Test(arguments: [
        // 2026-03-10T05:05:00Z is 06:05 in Berlin (CET) = 365 min.
        ("Europe/Berlin", "2026-03-10T05:05:00Z", 365),
        // After the spring-forward on 2026-03-29, 05:05Z is 07:05 CEST = 425 min.
        ("Europe/Berlin", "2026-03-30T05:05:00Z", 425),
        ("UTC", "2026-03-10T23:59:00Z", 1439),
        ("UTC", "2026-03-10T00:00:00Z", 0),
    ])
    func driveoffAsMinutesOfTheLocalDay(zone: String, departure: String, minutes: Int) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let settings = VDV261.Settings(driveoff: .minutesOfDayLocal(timeZone))
        #expect(settings.driveoffValue(for: VDV463.Timestamp.parse(departure)) == minutes)
        #expect(settings.driveoffValue(for: nil) == 65535)
    }

    @Test(arguments: [
        (-6.5, 34),
        (-40, 0),
        (-40.6, 255),
        (214, 254),
        (215, 255),
        (21.2, 61),
    ])
    func ambientTemperatureWithOffsetAndScale(celsius: Double, raw: Int) {
        let settings = VDV261.Settings(ambientTemperature: .linear(offset: -40, scale: 1))
        #expect(settings.ambientTemperatureValue(for: celsius) == raw)
    }

    @Test func ambientTemperatureDefaultsToSNA() {
        #expect(VDV261.Settings().ambientTemperatureValue(for: 20) == 255)
        #expect(VDV261.Settings(ambientTemperature: .linear(offset: 0, scale: 0.5)).ambientTemperatureValue(for: 20) == 40)
        #expect(VDV261.Settings(ambientTemperature: .linear(offset: 0, scale: 0.5)).ambientTemperatureValue(for: nil) == 255)
    }

    @Test(arguments: [(90.4, 90), (90.5, 91), (120, 100), (-3, 0)])
    func targetSocIsAWholePercentInRange(soc: Double, sent: Int) {
        let response = VDV261.Response(
            replyingTo: Self.request,
            decision: .init(preconditioningDesired: false, targetSoc: soc),
            version: .v2,
            settings: .init()
        )
        #expect(response.targetSoc == sent)
    }

    @Test func theBodyIsASCIIOnlyJSON() throws {
        var response = VDV261.Response(replyingTo: Self.request, decision: .init(preconditioningDesired: false), version: .v2, settings: .init())
        response.vin = "WDB\"Ä\\😀"
        let data = response.encoded()
        #expect(data.allSatisfy { $0 < 0x80 })
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["vin"] as? String == "WDB\"Ä\\😀")
    }
}
