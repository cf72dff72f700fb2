import DepotSimulator
import Foundation
import OCPP
import Testing

@Suite struct StationTransactionTests {
    static let bus = PluggedVehicle(idToken: "TAG-1", battery: SimulatedBattery(capacityKWh: 400, maxPowerKW: 150, stateOfCharge: 40))

    @Test func oneSixTransactionRunsFromPlugInToStop() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        #expect(harness.actions() == ["BootNotification", "StatusNotification"])
        let start = harness.sent.count
        #expect(harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now) == .started)
        try harness.pump()
        try harness.advance(by: 120)
        harness.station.unplug(connector: 1, at: harness.now)
        try harness.pump()
        #expect(
            harness.actions(from: start) == [
                "StatusNotification", "StartTransaction", "StatusNotification", "MeterValues", "MeterValues", "StopTransaction",
                "StatusNotification", "StatusNotification",
            ]
        )
        let statuses = try harness.requests(V16.StatusNotificationRequest.self, action: "StatusNotification").map(\.status)
        #expect(statuses == [.available, .preparing, .charging, .finishing, .available])
        let meters = try harness.requests(V16.MeterValuesRequest.self, action: "MeterValues")
        #expect(meters.allSatisfy { $0.transactionId == 42 })
        let energy = meters.map { Self.value(of: .energyActiveImportRegister, in: $0) }
        let soc = meters.map { Self.value(of: .soc, in: $0) }
        #expect(energy[0] > 2400 && energy[1] > energy[0])
        #expect(soc[1] > soc[0] && soc[0] > 40)
        #expect(meters.map { Self.value(of: .powerActiveImport, in: $0) } == [150_000, 150_000])
        let stop = try #require(try harness.requests(V16.StopTransactionRequest.self, action: "StopTransaction").first)
        #expect(stop.transactionId == 42)
        #expect(stop.reason == .evDisconnected)
        #expect(Double(stop.meterStop) >= energy[1])
        #expect(stop.transactionData?.first?.sampledValue.contains { $0.context == .transactionEnd } == true)
    }

    @Test func twoZeroOneTransactionEventsCountTheirSequence() throws {
        var harness = StationHarness(version: .v201)
        try harness.boot()
        let start = harness.sent.count
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        try harness.advance(by: 120)
        harness.station.unplug(connector: 1, at: harness.now)
        try harness.pump()
        #expect(
            harness.actions(from: start) == [
                "StatusNotification", "TransactionEvent", "TransactionEvent", "TransactionEvent", "TransactionEvent", "StatusNotification",
            ]
        )
        let events = try harness.requests(V201.TransactionEventRequest.self, action: "TransactionEvent")
        #expect(events.map(\.eventType) == [.started, .updated, .updated, .ended])
        #expect(events.map(\.seqNo) == [0, 1, 2, 3])
        #expect(Set(events.map(\.transactionInfo.transactionId)).count == 1)
        #expect(events[0].idToken?.idToken == "TAG-1")
        #expect(events[3].transactionInfo.stoppedReason == .evDisconnected)
        #expect(events.allSatisfy { $0.offline == nil })
        let statuses = try harness.requests(V201.StatusNotificationRequest.self, action: "StatusNotification").map(\.connectorStatus)
        #expect(statuses == [.available, .occupied, .available])
    }

    @Test func aRejectedTokenEndsTheTransaction() throws {
        var harness = StationHarness(version: .v16)
        harness.csms.rejectedTokens = ["TAG-1"]
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        let stop = try #require(try harness.requests(V16.StopTransactionRequest.self, action: "StopTransaction").first)
        #expect(stop.reason == .deAuthorized)
        #expect(harness.station.connector(1)?.transaction == nil)
    }

    @Test func aFaultSuspendsTheSessionUntilCleared() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.advance(by: 10)
        harness.station.fault(connector: 1, errorCode: "GroundFailure", at: harness.now)
        try harness.advance(by: 30)
        let faulted = try #require(harness.station.connector(1))
        #expect(faulted.status == .faulted)
        #expect(faulted.powerKW == 0)
        #expect(faulted.transaction != nil)
        let last = try #require(try harness.requests(V16.StatusNotificationRequest.self, action: "StatusNotification").last)
        #expect(last.status == .faulted && last.errorCode == .groundFailure)
        let register = faulted.registerWh
        harness.station.clearFault(connector: 1, at: harness.now)
        try harness.advance(by: 10)
        #expect(harness.station.connector(1)?.status == .charging)
        #expect((harness.station.connector(1)?.registerWh ?? 0) > register)
    }

    @Test func remoteStopEndsWithReasonRemote() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        let reply = try harness.call(.v16(.remoteStopTransaction(.init(transactionId: 42))))
        let answer = try OCPPCodec.decode(V16.RemoteStopTransactionResponse.self, from: try #require(harness.resultPayload(reply)))
        #expect(answer.status == .accepted)
        let stop = try #require(try harness.requests(V16.StopTransactionRequest.self, action: "StopTransaction").first)
        #expect(stop.reason == .remote)
        #expect(harness.station.connector(1)?.status == .finishing)
    }

    static func value(of measurand: V16.SampledValue.Measurand, in request: V16.MeterValuesRequest) -> Double {
        Double(request.meterValue.first?.sampledValue.first { $0.measurand == measurand }?.value ?? "") ?? -1
    }
}
