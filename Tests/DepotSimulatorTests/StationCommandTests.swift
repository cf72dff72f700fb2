import DepotSimulator
import Foundation
import OCPP
import Testing

/// CSMS commands a real charger answers, each with its reply and its effect on the station.
@Suite struct StationCommandTests {
    static let bus = PluggedVehicle(idToken: "TAG-1", battery: SimulatedBattery(capacityKWh: 400, maxPowerKW: 150, stateOfCharge: 40))

    func plugged(_ version: OCPPVersion) throws -> StationHarness {
        var harness = StationHarness(version: version, connectors: 2)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        return harness
    }

    @Test func triggerMessageQueuesTheRequestedMessage() throws {
        var harness = try plugged(.v16)
        let before = harness.sent.count
        let reply = try harness.call(.v16(.triggerMessage(.init(requestedMessage: .meterValues, connectorId: 1))))
        #expect(try OCPPCodec.decode(V16.TriggerMessageResponse.self, from: try #require(harness.resultPayload(reply))).status == .accepted)
        #expect(harness.actions(from: before) == ["MeterValues"])
        let meter = try #require(try harness.requests(V16.MeterValuesRequest.self, action: "MeterValues").last)
        #expect(meter.meterValue[0].sampledValue.allSatisfy { $0.context == .trigger })
    }

    @Test func changeAvailabilityIsScheduledDuringATransaction() throws {
        var harness = try plugged(.v16)
        let busy = try harness.call(.v16(.changeAvailability(.init(connectorId: 1, type: .inoperative))))
        #expect(try OCPPCodec.decode(V16.ChangeAvailabilityResponse.self, from: try #require(harness.resultPayload(busy))).status == .scheduled)
        let idle = try harness.call(.v16(.changeAvailability(.init(connectorId: 2, type: .inoperative))))
        #expect(try OCPPCodec.decode(V16.ChangeAvailabilityResponse.self, from: try #require(harness.resultPayload(idle))).status == .accepted)
        #expect(harness.station.connector(2)?.status == .unavailable)
        harness.station.unplug(connector: 1, at: harness.now)
        #expect(harness.station.connector(1)?.status == .unavailable)
    }

    @Test func unlockConnectorEndsTheTransaction() throws {
        var harness = try plugged(.v16)
        let reply = try harness.call(.v16(.unlockConnector(.init(connectorId: 1))))
        #expect(try OCPPCodec.decode(V16.UnlockConnectorResponse.self, from: try #require(harness.resultPayload(reply))).status == .unlocked)
        #expect(try harness.requests(V16.StopTransactionRequest.self, action: "StopTransaction").first?.reason == .unlockCommand)
        #expect(harness.station.connector(1)?.status == .available)
    }

    @Test func resetStopsTransactionsAndBootsAgain() throws {
        var harness = try plugged(.v16)
        let before = harness.sent.count
        let reply = try harness.call(.v16(.reset(.init(type: .soft))))
        #expect(try OCPPCodec.decode(V16.ResetResponse.self, from: try #require(harness.resultPayload(reply))).status == .accepted)
        #expect(harness.actions(from: before).prefix(2) == ["BootNotification", "StopTransaction"])
        #expect(try harness.requests(V16.StopTransactionRequest.self, action: "StopTransaction").first?.reason == .softReset)
    }

    @Test func remoteStartWaitsForThePlugInAndUsesTheRemoteToken() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        let reply = try harness.call(.v16(.remoteStartTransaction(.init(connectorId: 1, idTag: "REMOTE-7"))))
        #expect(try OCPPCodec.decode(V16.RemoteStartTransactionResponse.self, from: try #require(harness.resultPayload(reply))).status == .accepted)
        #expect(harness.actions().contains("StartTransaction") == false)
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        #expect(try harness.requests(V16.StartTransactionRequest.self, action: "StartTransaction").first?.idTag == "REMOTE-7")
    }

    @Test func twoZeroOneRequestStartAndStop() throws {
        var harness = StationHarness(version: .v201)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        harness.station.unplug(connector: 1, at: harness.now)
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        let running = try #require(harness.station.connector(1)?.transaction?.transactionId)
        let stop = try harness.call(.v201(.requestStopTransaction(.init(transactionId: running))))
        #expect(try OCPPCodec.decode(V201.RequestStopTransactionResponse.self, from: try #require(harness.resultPayload(stop))).status == .accepted)
        let start = try harness.call(
            .v201(.requestStartTransaction(.init(evseId: 1, idToken: .init(idToken: "REMOTE-8", type: .central), remoteStartId: 31)))
        )
        let answer = try OCPPCodec.decode(V201.RequestStartTransactionResponse.self, from: try #require(harness.resultPayload(start)))
        #expect(answer.status == .accepted && answer.transactionId != nil)
        let events = try harness.requests(V201.TransactionEventRequest.self, action: "TransactionEvent")
        let ended = try #require(events.first { $0.eventType == .ended && $0.transactionInfo.transactionId == running })
        #expect(ended.triggerReason == .remoteStop)
        let started = try #require(events.last { $0.eventType == .started })
        #expect(started.triggerReason == .remoteStart && started.transactionInfo.remoteStartId == 31 && started.idToken?.idToken == "REMOTE-8")
    }

    @Test func clearChargingProfileByIdRestoresTheFullRate() throws {
        var harness = try plugged(.v16)
        let profile = V16.ChargingProfile(
            chargingProfileId: 5, stackLevel: 0, chargingProfilePurpose: .txDefaultProfile, chargingProfileKind: .absolute,
            chargingSchedule: .init(startSchedule: harness.now, chargingRateUnit: .w, chargingSchedulePeriod: [.init(startPeriod: 0, limit: 11_000)])
        )
        _ = try harness.call(.v16(.setChargingProfile(.init(connectorId: 0, csChargingProfiles: profile))))
        try harness.advance(by: 2)
        #expect(abs((harness.station.connector(1)?.powerKW ?? 0) - 11) < 1e-6)
        let reply = try harness.call(.v16(.clearChargingProfile(.init(id: 5))))
        #expect(try OCPPCodec.decode(V16.ClearChargingProfileResponse.self, from: try #require(harness.resultPayload(reply))).status == .accepted)
        try harness.advance(by: 2)
        #expect(abs((harness.station.connector(1)?.powerKW ?? 0) - 150) < 1e-6)
    }
}

/// Sessions ended at the station itself.
@Suite struct LocalStopTests {
    @Test(arguments: [
        (OCPPVersion.v16, false, "Local"), (.v16, true, "EmergencyStop"), (.v201, false, "Local"), (.v201, true, "EmergencyStop"),
    ])
    func localStopReportsItsReason(version: OCPPVersion, emergency: Bool, reason: String) throws {
        var harness = StationHarness(version: version)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: StationCommandTests.bus, at: harness.now)
        try harness.pump()
        harness.station.stop(connector: 1, emergency: emergency, at: harness.now)
        try harness.pump()
        let stopped =
            version == .v16
            ? try harness.requests(V16.StopTransactionRequest.self, action: "StopTransaction").first?.reason?.rawValue
            : try harness.requests(V201.TransactionEventRequest.self, action: "TransactionEvent").last?.transactionInfo.stoppedReason?.rawValue
        #expect(stopped == reason)
        #expect(harness.station.connector(1)?.status == .finishing)
    }
}
