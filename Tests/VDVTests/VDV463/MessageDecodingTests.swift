import Foundation
import Testing
import VDV

@Suite("VDV 463 decoding")
struct MessageDecodingTests {
    static let v2 = Fixtures.names(in: "decode/v2")
    static let v1 = Fixtures.names(in: "decode/v1")

    @Test func fixtureFoldersAreFound() {
        #expect(Self.v2.count >= 8, "no 2.0.0 fixtures under \(Fixtures.folder.path)")
        #expect(Self.v1.count >= 5, "no 1.0.0 fixtures under \(Fixtures.folder.path)")
    }

    @Test(
        arguments: v2.map { ("decode/v2", $0) } + v1.map { ("decode/v1", $0) } + [("decode/tolerated", "ProvideChargingRequests.unknown-enum.json")])
    func validInputsDecodeAndSurviveReencoding(folder: String, name: String) throws {
        let message = try VDV463.Message.decode(try Fixtures.data(folder, name))
        #expect(name.hasPrefix(message.body.action.rawValue))
        #expect(try VDV463.Message.decode(try message.encoded()) == message)
    }

    @Test func readsTheA8ChargingRequest() throws {
        let message = try VDV463.Message.decode(try Fixtures.data("decode/v2", "ProvideChargingRequests.request.json"))
        #expect(message.source == "BMS")
        #expect(message.presystemId == "urn:depot-sued:bms-1")
        #expect(message.messageId == "d2c4e6f8-1a3b-4c5d-8e7f-90a1b2c3d4e5")
        guard case .chargingRequests(let payload) = message.body else {
            Issue.record("expected a ProvideChargingRequests request, got \(message.body)")
            return
        }
        let request = try #require(payload.chargingRequestList.first)
        #expect(request.chargingPointId == "DEPOT-S/CS-03/CP-2")
        #expect(request.priority == 2)
        #expect(request.chargingRequestData.minTargetSoc == 75)
        #expect(request.chargingRequestData.expectedSocAtArrival == 28)
        #expect(request.chargingRequestData.requestedTimeForDeparture == Instant.departure)
        #expect(request.chargingRequestData.adHocCharging == false)
        #expect(request.automaticPreconditioning?.preconditioningRequest == .hotWaterAndHeating)
        #expect(request.automaticPreconditioning?.ambientTemperature == -6.5)
        #expect(request.automaticPreconditioning?.targetSoc == 90)
    }

    @Test func readsManualPreconditioningAndOffsetsAsUTC() throws {
        let message = try VDV463.Message.decode(try Fixtures.data("decode/v2", "ProvideChargingRequests.request.manual.json"))
        #expect(message.timeStamp == VDV463.Timestamp.parse("2026-03-09T04:02:00Z"))
        guard case .chargingRequests(let payload) = message.body else {
            Issue.record("expected a ProvideChargingRequests request, got \(message.body)")
            return
        }
        let manual = try #require(payload.chargingRequestList.first?.manualPreconditioning)
        #expect(manual.hvacPreconditioningStartTime == VDV463.Timestamp.parse("2026-03-10T03:30:00.5Z"))
        #expect(manual.hvacAuxiliaryConsumerPower == 18)
        #expect(manual.systemAuxiliaryConsumerPower == 6)
        #expect(manual.targetSoc == 95)
        #expect(
            payload.chargingRequestList.last?.automaticPreconditioning?.preconditioningRequest
                == .noClimatePreconditioningOrAutomaticPreselectionByTheVehicle)
    }

    @Test func readsThe1_0ChargingInstructions() throws {
        let message = try VDV463.Message.decode(try Fixtures.data("decode/v1", "ProvideChargingRequests.request.json"))
        guard case .chargingRequests(let payload) = message.body else {
            Issue.record("expected a ProvideChargingRequests request, got \(message.body)")
            return
        }
        #expect(payload.chargingRequestList.map(\.chargingInstruction) == [.changed, .terminate])
        #expect(payload.chargingRequestList.first?.automaticPreconditioning?.preconditioningRequest == .noClimaticPreconditioningOrSNA)
    }

    @Test func readsThe1_0ChargingInformationNames() throws {
        let message = try VDV463.Message.decode(try Fixtures.data("decode/v1", "ProvideChargingInformation.request.json"))
        guard case .chargingInformation(let payload) = message.body else {
            Issue.record("expected a ProvideChargingInformation request, got \(message.body)")
            return
        }
        #expect(payload.rejectedChargingRequestInfoList.isEmpty)
        let point = try #require(payload.depotInfoList.first?.chargingStationInfoList.first?.chargingPointInfoList.first)
        #expect(point.presentPowerLimit == 96.7)
        let prediction = try #require(point.chargingProcessInfo?.chargingPredictionData)
        #expect(prediction.chargingPredictionDataStatus == .ongoing)
        #expect(prediction.chargingPredictionDataMinTargetSoc?.requestedMinTargetSoc == 75)
        #expect(prediction.chargingPredictionDataMaxTargetSoc?.requestedMaxTargetSoc == 95)
        #expect(prediction.chargingPredictionDataDepartureTime?.requestedTimeForDeparture == Instant.departure)
        #expect(point.chargingProcessInfo?.electricData.chargingPower == 96.7)
    }

    @Test(arguments: [
        ("decode/v2", "ProvideChargingRequests.error.json", "duplicate chargingRequestId CR-0309-112 in chargingRequestList"),
        ("decode/v1", "ProvideChargingInformation.error.json", "unknown depot"),
        ("decode/v1", "ProvideChargingInformation.error.object.json", "error without errorMessage, members: [code]"),
    ])
    func readsAnyErrorPayload(folder: String, name: String, text: String) throws {
        let message = try VDV463.Message.decode(try Fixtures.data(folder, name))
        guard case .error(_, let error) = message.body else {
            Issue.record("expected an error, got \(message.body)")
            return
        }
        #expect(error.errorMessage == text)
    }

    @Test func keepsUnknownEnumValues() throws {
        let message = try VDV463.Message.decode(try Fixtures.data("decode/tolerated", "ProvideChargingRequests.unknown-enum.json"))
        guard case .chargingRequests(let payload) = message.body else {
            Issue.record("expected a ProvideChargingRequests request, got \(message.body)")
            return
        }
        #expect(payload.chargingRequestList.first?.automaticPreconditioning?.preconditioningRequest.rawValue == "DefrostOnly")
    }

    @Test func acceptsAnyConfirmationPayloadOfTheEmptyResponses() throws {
        let frame = #"[2, "BMS", "p", "2026-03-09T04:50:00Z", "id-1", "ProvideChargingInformation", {"note": "thanks"}]"#
        #expect(try VDV463.Message.decode(Data(frame.utf8)).body == .chargingInformationConfirmation)
    }

    static let invalid: [(String, VDV463.DecodeError.Reason, String?, Bool)] = [
        ("not-an-array.json", .notAnArray(found: "object"), nil, false),
        ("wrong-length.json", .wrongLength(6), nil, false),
        ("message-type-string.json", .wrongItemType(index: 0, expected: "integer", found: "string"), "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d90", true),
        ("unknown-message-type.json", .unknownMessageType(4), "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d90", true),
        ("unknown-action.json", .unknownAction("Heartbeat"), "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d90", false),
        ("bad-timestamp.json", .badTimestamp("2026-02-30T04:50:00Z"), "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d90", true),
        ("payload-not-object.json", .wrongItemType(index: 6, expected: "object", found: "array"), "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d90", true),
        ("BootNotification.missing-presystem.json", .badPayload("presystem: required field missing"), "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d90", true),
        (
            "ProvideChargingRequests.missing-vehicleId.json", .badPayload("chargingRequestList[0].vehicleId: required field missing"),
            "d2c4e6f8-1a3b-4c5d-8e7f-90a1b2c3d4e9", true
        ),
        (
            "ProvideChargingRequests.soc-out-of-range.json",
            .badPayload("chargingRequestList[0].chargingRequestData.maxTargetSoc: 150.0 is outside 0…100"),
            "d2c4e6f8-1a3b-4c5d-8e7f-90a1b2c3d4ea", true
        ),
        (
            "ProvideChargingRequests.bad-date.json",
            .badPayload(#"chargingRequestList[0].chargingRequestData.requestedTimeForDeparture: "tomorrow 5am" is not an RFC 3339 date-time"#),
            "d2c4e6f8-1a3b-4c5d-8e7f-90a1b2c3d4eb", true
        ),
        (
            "ProvideChargingInformation.missing-status.json",
            .badPayload("depotInfoList[0].chargingStationInfoList[0].chargingPointInfoList[0].chargingPointStatus: required field missing"),
            "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e72", true
        ),
    ]

    @Test func everyInvalidFixtureIsInTheTable() {
        #expect(Fixtures.names(in: "decode/invalid") == Self.invalid.map(\.0).sorted())
    }

    @Test(arguments: invalid)
    func invalidTwinsFailWithAClearReason(name: String, reason: VDV463.DecodeError.Reason, messageId: String?, answerable: Bool) throws {
        let data = try Fixtures.data("decode/invalid", name)
        #expect {
            _ = try VDV463.Message.decode(data)
        } throws: { error in
            guard let error = error as? VDV463.DecodeError else { return false }
            return error.reason == reason && error.messageId == messageId && error.canBeAnswered == answerable
        }
    }

    @Test(arguments: [
        #"[2, "BMS", "p", "bad", "id-2", "ProvideChargingInformation", {}]"#,
        #"[3, "BMS", "p", "bad", "id-2", "ProvideChargingInformation", {}]"#,
    ])
    func confirmationsAndErrorsAreNeverAnswered(frame: String) {
        #expect {
            _ = try VDV463.Message.decode(Data(frame.utf8))
        } throws: { error in
            guard let error = error as? VDV463.DecodeError else { return false }
            return error.messageId == "id-2" && error.action == .provideChargingInformation && !error.canBeAnswered
        }
    }

    @Test(arguments: [
        (VDV463.DecodeError(.notJSON), "frame is not valid JSON"),
        (VDV463.DecodeError(.wrongLength(6)), "frame must be an array of 7 items, found 6"),
        (
            VDV463.DecodeError(.wrongItemType(index: 4, expected: "string", found: "number")),
            "item 4 (messageId) must be string, found number"
        ),
        (VDV463.DecodeError(.unknownAction("Heartbeat")), #"unknown messageAction "Heartbeat""#),
    ])
    func errorTextsSayWhatIsWrong(error: VDV463.DecodeError, text: String) {
        #expect(error.description == text)
    }

    @Test func notJSONIsDropped() {
        #expect(throws: VDV463.DecodeError(.notJSON)) {
            try VDV463.Message.decode(Data("[1, \"BMS\"".utf8))
        }
    }
}
