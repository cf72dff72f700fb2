import DepotModel
import DepotSimulator
import Foundation
import OCPP
import Testing

@Suite struct DeterminismAndConfigurationTests {
    static let bus = PluggedVehicle(idToken: "TAG-1", battery: SimulatedBattery(capacityKWh: 400, maxPowerKW: 150, stateOfCharge: 40))

    /// Every frame text a 2.0.1 station sends through a short session.
    static func session(seed: UInt64) throws -> [String] {
        var harness = StationHarness(version: .v201, seed: seed)
        var texts: [String] = []
        harness.station.connected(at: harness.now)
        var csms = FakeCSMS()
        func pump() throws {
            while let call = harness.station.nextCall(at: harness.now) {
                texts.append(call.text)
                _ = harness.station.receive(try csms.answer(call, version: .v201, at: harness.now), at: harness.now)
            }
        }
        try pump()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        for _ in 0..<130 {
            harness.now.addTimeInterval(1)
            harness.station.advance(to: harness.now)
            try pump()
        }
        return texts
    }

    @Test func theSameSeedGivesTheSameFrames() throws {
        #expect(try Self.session(seed: 11) == Self.session(seed: 11))
        #expect(try Self.session(seed: 11) != Self.session(seed: 12))
    }

    @Test func messageIdsAreLowercaseUUIDs() {
        var random = SeededGenerator(seed: 3)
        let id = random.uuidText()
        #expect(id.count == 36)
        #expect(UUID(uuidString: id) != nil)
        #expect(id == id.lowercased())
    }

    @Test func syntheticPlansAreDeterministic() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let plan = SimulationPlan.synthetic(count: 3, version: nil, start: start, seed: 5)
        #expect(plan == SimulationPlan.synthetic(count: 3, version: nil, start: start, seed: 5))
        #expect(plan.stations.map(\.id) == ["SIM-0001", "SIM-0002", "SIM-0003"])
        #expect(plan.stations.map(\.version) == [.v16, .v201, .v16])
        #expect(plan.visits.allSatisfy { $0.arrival >= start && $0.arrival < start.addingTimeInterval(3600) })
    }

    @Test func demoPasswordsFollowTheDepotFileScheme() {
        // python3 -c 'import hashlib; print(hashlib.sha256(b"busbar-demo:CP-1").hexdigest()[:40])'
        #expect(StationPasswords.demo.password(for: "CP-1") == "36de287a240f81c3c4087bd7330acface6979a1c")
        #expect(StationPasswords.fixed("x").password(for: "CP-1") == "x")
    }

    @Test(arguments: [
        (key: "MeterValueSampleInterval", value: "15", status: V16.ChangeConfigurationResponse.Status.accepted),
        (key: "MeterValueSampleInterval", value: "-5", status: .rejected),
        (key: "ChargeProfileMaxStackLevel", value: "9", status: .rejected),
        (key: "NoSuchKey", value: "1", status: .notSupported),
        (key: "AuthorizationKey", value: "00112233445566778899aabbccddeeff00112233", status: .accepted),
    ])
    func changeConfiguration(key: String, value: String, status: V16.ChangeConfigurationResponse.Status) throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        let reply = try harness.call(.v16(.changeConfiguration(.init(key: key, value: value))))
        #expect(try OCPPCodec.decode(V16.ChangeConfigurationResponse.self, from: try #require(harness.resultPayload(reply))).status == status)
        if status == .accepted { #expect(harness.station.configuration[key] == value) }
    }

    @Test func getConfigurationNamesUnknownKeys() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        let reply = try harness.call(.v16(.getConfiguration(.init(key: ["ChargeProfileMaxStackLevel", "Nope"]))))
        let answer = try OCPPCodec.decode(V16.GetConfigurationResponse.self, from: try #require(harness.resultPayload(reply)))
        #expect(answer.configurationKey?.map(\.key) == ["ChargeProfileMaxStackLevel"])
        #expect(answer.configurationKey?.first?.value == "3")
        #expect(answer.unknownKey == ["Nope"])
    }

    @Test func getVariablesMapsTheSmartChargingController() throws {
        var harness = StationHarness(version: .v201)
        try harness.boot()
        let reply = try harness.call(
            .v201(
                .getVariables(
                    .init(getVariableData: [
                        .init(component: .init(name: "SmartChargingCtrlr"), variable: .init(name: "ProfileStackLevel")),
                        .init(component: .init(name: "SmartChargingCtrlr"), variable: .init(name: "Nope")),
                        .init(component: .init(name: "NoController"), variable: .init(name: "X")),
                    ])
                )
            )
        )
        let answer = try OCPPCodec.decode(V201.GetVariablesResponse.self, from: try #require(harness.resultPayload(reply)))
        #expect(answer.getVariableResult.map(\.attributeStatus) == [.accepted, .unknownVariable, .unknownComponent])
        #expect(answer.getVariableResult.first?.attributeValue == "3")
    }

    @Test(arguments: [OCPPVersion.v16, .v201])
    func dataTransferAnswersUnknownVendor(version: OCPPVersion) throws {
        var harness = StationHarness(version: version)
        try harness.boot()
        let call: OutgoingCall =
            version == .v16 ? .v16(.dataTransfer(.init(vendorId: "acme"))) : .v201(.dataTransfer(.init(vendorId: "acme")))
        let payload = try #require(harness.resultPayload(try harness.call(call)))
        #expect(payload == .object(["status": .string("UnknownVendorId")]))
    }

    @Test func anUnknownActionGetsACallError() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        let reply = harness.station.receive(.call(messageId: "m1", action: "FlyToTheMoon", payload: .object([:])), at: harness.now)
        guard case .callError(_, let code, _, _) = reply else {
            Issue.record("expected a CALLERROR")
            return
        }
        #expect(code == "NotImplemented")
    }
}
