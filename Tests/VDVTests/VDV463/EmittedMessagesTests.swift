import Foundation
import Testing
import VDV

/// Keeps `Fixtures/emitted/` equal to what the encoder emits, so the pytest schema check
/// (`Tests/interop/test_vdv463_schemas.py`) validates current output without running Swift.
/// A stale or missing file is rewritten and the test fails: commit the new file.
@Suite("VDV 463 emitted messages")
struct EmittedMessagesTests {
    static let folder = Fixtures.folder.appendingPathComponent("emitted")

    @Test(arguments: RepresentativeMessages.all.map(\.name))
    func goldenFileMatchesTheEncoder(name: String) throws {
        let message = try #require(RepresentativeMessages.all.first { $0.name == name }?.message)
        let emitted = try message.encoded() + Data("\n".utf8)
        let url = Self.folder.appendingPathComponent("\(name).json")
        let committed = try? Data(contentsOf: url)
        if committed != emitted {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try emitted.write(to: url)
            Issue.record("\(url.path) was stale or missing and has been rewritten; review and commit it")
        }
    }

    @Test func noOtherFilesInTheGoldenFolder() {
        #expect(Fixtures.names(in: "emitted") == RepresentativeMessages.all.map { "\($0.name).json" }.sorted())
    }

    @Test(arguments: RepresentativeMessages.all.map(\.name))
    func emittedFramesDecodeAndEncodeToTheSameBytes(name: String) throws {
        let encoded = try #require(RepresentativeMessages.all.first { $0.name == name }?.message).encoded()
        #expect(try VDV463.Message.decode(encoded).encoded() == encoded)
    }

    @Test func encodesTheA8BootNotificationConfirmationExactly() throws {
        let request = try VDV463.Message.decode(try Fixtures.data("decode/v2", "BootNotification.request.json"))
        let reply = request.reply(.bootNotificationConfirmation(.init(status: .accepted)), at: Instant.bootPlus(0.085))
        let text = String(decoding: try reply.encoded(), as: UTF8.self)
        #expect(
            text
                == #"[2,"CMS","urn:depot-sued:bms-1","2026-03-09T04:50:00.085Z","6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d90","BootNotification",{"status":"Accepted"}]"#
        )
    }

    @Test func omitsAbsentFieldsAndEmitsNo1_0Names() throws {
        let text = String(decoding: try RepresentativeMessages.all.map { try $0.message.encoded() }.reduce(Data(), +), as: UTF8.self)
        for legacy in ["presentPower\"", "chargingStationStatus", "chargingInstruction", "MinSoc", "FinalSoc", "null"] {
            #expect(!text.contains(legacy), "emitted \(legacy)")
        }
    }

    @Test func nonFiniteNumbersFailInsteadOfEmittingInvalidJSON() {
        let point = VDV463.ChargingPointInfo(chargingPointId: "P1", chargingPointStatus: .available, presentPowerLimit: .nan)
        let payload = VDV463.ProvideChargingInformationRequest(
            depotInfoList: [.init(depotId: "D", chargingStationInfoList: [.init(chargingStationId: "S", chargingPointInfoList: [point])])]
        )
        let message = VDV463.Message.fromBusbar(presystemId: "p", timeStamp: Instant.boot, messageId: "m", body: .chargingInformation(payload))
        #expect(throws: EncodingError.self) {
            try message.encoded()
        }
    }

    @Test func actionsAndMessageTypesAreThoseOfTheOfficialEnvelope() throws {
        let url = Fixtures.schemas.appendingPathComponent("2.0.0/MessageStructure.json")
        let data = try #require(
            try? Data(contentsOf: url),
            "VDV 463 schemas not found at \(Fixtures.schemas.path); run `make vdv463-schemas` or set BUSBAR_VDV463_SCHEMAS"
        )
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(schema["items"] as? [[String: Any]])
        #expect((items[0]["enum"] as? [Int]) == VDV463.MessageType.allCases.map(\.rawValue))
        #expect((items[5]["enum"] as? [String]) == VDV463.Action.allCases.map(\.rawValue))
    }
}
