import DepotSimulator
import Foundation
import OCPP
import Testing

@Suite struct OfflineAndBootTests {
    static let bus = PluggedVehicle(idToken: "TAG-1", battery: SimulatedBattery(capacityKWh: 400, maxPowerKW: 150, stateOfCharge: 40))

    @Test func oneSixQueuesTransactionMessagesOfflineAndReplaysThemInOrder() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        harness.station.disconnected()
        try harness.advance(by: 180)
        harness.station.unplug(connector: 1, at: harness.now)
        #expect(harness.station.queue.map { $0.action(in: .v16) } == ["MeterValues", "MeterValues", "MeterValues", "StopTransaction"])
        let before = harness.sent.count
        harness.station.connected(at: harness.now)
        try harness.pump()
        #expect(harness.actions(from: before) == ["MeterValues", "MeterValues", "MeterValues", "StopTransaction", "StatusNotification"])
        let meters = try harness.requests(V16.MeterValuesRequest.self, action: "MeterValues")
        #expect(meters.map(\.meterValue[0].timestamp) == meters.map(\.meterValue[0].timestamp).sorted())
        #expect(try harness.requests(V16.StopTransactionRequest.self, action: "StopTransaction").first?.transactionId == 42)
    }

    @Test func aStartQueuedOfflineGivesItsIdToTheStopQueuedAfterIt() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        harness.station.disconnected()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.advance(by: 30)
        harness.station.unplug(connector: 1, at: harness.now)
        harness.station.connected(at: harness.now)
        try harness.pump()
        #expect(try harness.requests(V16.StopTransactionRequest.self, action: "StopTransaction").first?.transactionId == 42)
    }

    @Test func anUnansweredTransactionMessageIsResentAfterReconnect() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        harness.unanswered = ["StartTransaction"]
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        #expect(harness.station.hasCallInFlight)
        #expect(harness.station.nextCall(at: harness.now) == nil)
        harness.station.disconnected()
        harness.unanswered = []
        harness.station.connected(at: harness.now)
        try harness.pump()
        #expect(harness.actions().filter { $0 == "StartTransaction" }.count == 2)
    }

    @Test func aTransactionMessageAnsweredWithAnErrorIsRetriedThenDropped() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        harness.failing = ["StopTransaction": 5]
        harness.station.unplug(connector: 1, at: harness.now)
        try harness.pump()
        #expect(harness.actions().filter { $0 == "StopTransaction" }.count == 1)
        try harness.advance(by: 59)
        #expect(harness.actions().filter { $0 == "StopTransaction" }.count == 1)
        try harness.advance(by: 1)
        #expect(harness.actions().filter { $0 == "StopTransaction" }.count == 2)
        try harness.advance(by: 120)
        #expect(harness.actions().filter { $0 == "StopTransaction" }.count == 3)
        try harness.advance(by: 600, step: 10)
        #expect(harness.actions().filter { $0 == "StopTransaction" }.count == 3)
        #expect(harness.station.queue.isEmpty)
    }

    @Test func twoZeroOneMarksQueuedEventsOffline() throws {
        var harness = StationHarness(version: .v201)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        harness.station.disconnected()
        try harness.advance(by: 60)
        harness.station.unplug(connector: 1, at: harness.now)
        harness.station.connected(at: harness.now)
        try harness.pump()
        let events = try harness.requests(V201.TransactionEventRequest.self, action: "TransactionEvent")
        #expect(events.map(\.eventType) == [.started, .updated, .ended])
        #expect(events.map(\.offline) == [nil, true, true])
        #expect(events.map(\.seqNo) == [0, 1, 2])
    }

    @Test func pendingBootIsRetriedAfterTheInterval() throws {
        var harness = StationHarness(version: .v16)
        harness.csms.bootAnswers = ["Pending", "Rejected", "Accepted"]
        harness.csms.bootInterval = 10
        try harness.boot()
        #expect(harness.actions() == ["BootNotification"])
        try harness.advance(by: 9)
        #expect(harness.actions() == ["BootNotification"])
        try harness.advance(by: 1)
        #expect(harness.actions() == ["BootNotification", "BootNotification"])
        try harness.advance(by: 10)
        #expect(harness.actions() == ["BootNotification", "BootNotification", "BootNotification", "StatusNotification"])
        #expect(harness.station.bootState == .accepted)
    }

    @Test func anUnansweredBootIsSentAgainAfterTheCallTimeout() throws {
        var harness = StationHarness(version: .v201)
        harness.unanswered = ["BootNotification"]
        try harness.boot()
        #expect(harness.actions() == ["BootNotification"])
        harness.unanswered = []
        try harness.advance(by: harness.station.callTimeout)
        #expect(harness.actions().prefix(2) == ["BootNotification", "BootNotification"])
        #expect(harness.station.bootState == .accepted)
    }

    @Test func nothingButBootIsSentBeforeAcceptance() throws {
        var harness = StationHarness(version: .v16)
        harness.csms.bootAnswers = ["Pending"]
        harness.csms.bootInterval = 60
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.advance(by: 30)
        #expect(harness.actions() == ["BootNotification"])
        try harness.advance(by: 30)
        #expect(Array(harness.actions().prefix(3)) == ["BootNotification", "BootNotification", "StartTransaction"])
    }

    @Test func heartbeatsFollowTheBootInterval() throws {
        var harness = StationHarness(version: .v201)
        harness.csms.bootInterval = 100
        try harness.boot()
        try harness.advance(by: 350, step: 10)
        #expect(harness.actions().filter { $0 == "Heartbeat" }.count == 3)
    }

    @Test func aReservationRefusesOtherTokens() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        let expiry = harness.now.addingTimeInterval(600)
        let reply = try harness.call(.v16(.reserveNow(.init(connectorId: 1, expiryDate: expiry, idTag: "TAG-1", reservationId: 5))))
        #expect(try OCPPCodec.decode(V16.ReserveNowResponse.self, from: try #require(harness.resultPayload(reply))).status == .accepted)
        let other = PluggedVehicle(idToken: "TAG-2", battery: Self.bus.battery)
        #expect(harness.station.plugIn(connector: 1, vehicle: other, at: harness.now) == .reservedForAnotherToken)
        #expect(harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now) == .started)
        try harness.pump()
        #expect(try harness.requests(V16.StartTransactionRequest.self, action: "StartTransaction").first?.reservationId == 5)
    }

    @Test func aReservationExpires() throws {
        var harness = StationHarness(version: .v201)
        try harness.boot()
        let reply = try harness.call(
            .v201(
                .reserveNow(
                    .init(id: 9, expiryDateTime: harness.now.addingTimeInterval(60), idToken: .init(idToken: "TAG-1", type: .iso14443), evseId: 1)))
        )
        #expect(try OCPPCodec.decode(V201.ReserveNowResponse.self, from: try #require(harness.resultPayload(reply))).status == .accepted)
        #expect(harness.station.connector(1)?.status == .reserved)
        try harness.advance(by: 61, step: 10)
        #expect(harness.station.connector(1)?.status == .available)
        let other = PluggedVehicle(idToken: "TAG-2", battery: Self.bus.battery)
        #expect(harness.station.plugIn(connector: 1, vehicle: other, at: harness.now) == .started)
    }
}
