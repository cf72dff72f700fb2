import DepotSimulator
import Foundation
import Testing
import VDV

/// The virtual presystem's pure protocol: the exchange order, the one-list-outstanding rule, and
/// the checks on every report.
@Suite("Virtual presystem protocol")
struct PresystemProtocolTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let vin = "WEB62830410000001"
    static let request = VDV463.ChargingRequest(
        chargingRequestId: "hb-01-20261125", vehicleId: vin, chargingPointId: "demo/DEMO-A01/1",
        chargingRequestData: VDV463.ChargingRequestData(minTargetSoc: 80, maxTargetSoc: 90, requestedTimeForDeparture: now.addingTimeInterval(3600)))

    static func machine(timetable: [VDV463.ChargingRequest] = [request]) -> PresystemProtocol {
        PresystemProtocol(presystemId: "urn:hochbahn:bms-1", kind: .bms, vehicles: [vin, "hb-01"], timetable: timetable, seed: 1)
    }

    static func sent(_ actions: [PresystemProtocol.Action]) -> [VDV463.Message] {
        actions.compactMap { if case .send(let message) = $0 { message } else { nil } }
    }

    static func events(_ actions: [PresystemProtocol.Action]) -> [PresystemEvent] {
        actions.compactMap { if case .event(let event) = $0 { event } else { nil } }
    }

    /// Busbar's frame answering or asking `message`.
    static func fromBusbar(_ id: String, _ body: VDV463.Body) throws -> String {
        let message = VDV463.Message.fromBusbar(presystemId: "urn:hochbahn:bms-1", timeStamp: now, messageId: id, body: body)
        return String(decoding: try message.encoded(), as: UTF8.self)
    }

    static func report(vehicle: String = vin) -> VDV463.ProvideChargingInformationRequest {
        let info = VDV463.VehicleInfo(
            vehicleId: vehicle, vehicleStatusInfo: VDV463.VehicleStatusInfo(), vehicleChargingStatus: .charging,
            preconditioningInfo: VDV463.PreconditioningInfo())
        let point = VDV463.ChargingPointInfo(chargingPointId: "demo/DEMO-A01/1", chargingPointStatus: .occupied, vehicleInfo: info)
        let station = VDV463.ChargingStationInfo(chargingStationId: "demo/DEMO-A01", chargingPointInfoList: [point])
        return VDV463.ProvideChargingInformationRequest(depotInfoList: [VDV463.DepotInfo(depotId: "demo", chargingStationInfoList: [station])])
    }

    /// A machine that has booted and had its first list confirmed.
    static func booted() throws -> PresystemProtocol {
        var machine = machine()
        let boot = try #require(sent(machine.connected(at: now)).first)
        let list = try #require(
            sent(machine.receive(try fromBusbar(boot.messageId, .bootNotificationConfirmation(.init(status: .accepted))), at: now)).first)
        _ = machine.receive(try fromBusbar(list.messageId, .chargingRequestsConfirmation), at: now)
        return machine
    }

    @Test func bootsThenSendsTheCompleteListAndReportsItsAcceptance() throws {
        var machine = Self.machine()
        let boot = try #require(Self.sent(machine.connected(at: Self.now)).first)
        #expect(boot.body == .bootNotification(.init(presystem: .bms)))
        #expect(boot.source == "BMS" && boot.presystemId == "urn:hochbahn:bms-1")
        let afterBoot = machine.receive(try Self.fromBusbar(boot.messageId, .bootNotificationConfirmation(.init(status: .accepted))), at: Self.now)
        #expect(Self.events(afterBoot) == [.booted])
        let list = try #require(Self.sent(afterBoot).first)
        #expect(list.body == .chargingRequests(.init(chargingRequestList: [Self.request])))
        let confirmed = machine.receive(try Self.fromBusbar(list.messageId, .chargingRequestsConfirmation), at: Self.now)
        #expect(Self.events(confirmed) == [.timetableAccepted(requests: 1)])
        #expect(Self.sent(confirmed).isEmpty)
    }

    @Test func aChangedListWaitsForTheOutstandingOneAndAStaleConfirmationIsIgnored() throws {
        var machine = Self.machine()
        let boot = try #require(Self.sent(machine.connected(at: Self.now)).first)
        let first = try #require(
            Self.sent(machine.receive(try Self.fromBusbar(boot.messageId, .bootNotificationConfirmation(.init(status: .accepted))), at: Self.now))
                .first)
        var changed = Self.request
        changed.chargingRequestData.maxTargetSoc = 95
        #expect(Self.sent(machine.replaceTimetable([changed], at: Self.now)).isEmpty)
        #expect(machine.receive(try Self.fromBusbar("not-the-list", .chargingRequestsConfirmation), at: Self.now).isEmpty)
        let next = machine.receive(try Self.fromBusbar(first.messageId, .chargingRequestsConfirmation), at: Self.now)
        #expect(Self.sent(next).map(\.body) == [.chargingRequests(.init(chargingRequestList: [changed]))])
    }

    @Test func aReconnectionBootsAndSendsTheListAgainButTheSameListAcceptedAgainIsNoNews() throws {
        var machine = try Self.booted()
        machine.disconnected()
        let boot = try #require(Self.sent(machine.connected(at: Self.now)).first)
        let list = try #require(
            Self.sent(machine.receive(try Self.fromBusbar(boot.messageId, .bootNotificationConfirmation(.init(status: .accepted))), at: Self.now))
                .first)
        #expect(list.body == .chargingRequests(.init(chargingRequestList: [Self.request])))
        #expect(machine.receive(try Self.fromBusbar(list.messageId, .chargingRequestsConfirmation), at: Self.now).isEmpty)
    }

    @Test func aRefusedListIsReportedAndNotResent() throws {
        var machine = Self.machine()
        let boot = try #require(Self.sent(machine.connected(at: Self.now)).first)
        let list = try #require(
            Self.sent(machine.receive(try Self.fromBusbar(boot.messageId, .bootNotificationConfirmation(.init(status: .accepted))), at: Self.now))
                .first)
        let refused = machine.receive(
            try Self.fromBusbar(list.messageId, .error(.provideChargingRequests, .init(errorMessage: "unknown vehicleId"))), at: Self.now)
        #expect(refused == [.event(.timetableRefused(reason: "unknown vehicleId"))])
    }

    @Test func aRejectedBootClosesTheConnection() throws {
        var machine = Self.machine()
        let boot = try #require(Self.sent(machine.connected(at: Self.now)).first)
        let actions = machine.receive(try Self.fromBusbar(boot.messageId, .bootNotificationConfirmation(.init(status: .rejected))), at: Self.now)
        #expect(actions == [.event(.bootRejected), .close(reason: "BootNotification rejected")])
    }

    @Test func everyReportIsConfirmedWithItsIdAndACleanOneHasNoProblems() throws {
        var machine = try Self.booted()
        let actions = machine.receive(try Self.fromBusbar("pci-1", .chargingInformation(Self.report())), at: Self.now)
        let confirmation = try #require(Self.sent(actions).first)
        #expect(confirmation.messageId == "pci-1" && confirmation.body == .chargingInformationConfirmation)
        guard case .report(let report) = try #require(Self.events(actions).first) else {
            Issue.record("no report event")
            return
        }
        #expect(report.number == 1 && report.problems.isEmpty && report.payload == Self.report())
    }

    /// A frame Busbar might send, made from a clean report by a text edit, and what the check must say.
    static let flawed: [(edit: @Sendable (String) -> String, problem: String)] = [
        (
            { $0.replacingOccurrences(of: "\"vehicleId\":", with: "\"colour\":\"red\",\"vehicleId\":") },
            "unknown field depotInfoList[].chargingStationInfoList[].chargingPointInfoList[].vehicleInfo.colour"
        ),
        ({ $0.replacingOccurrences(of: vin, with: "SUU2415V000000001") }, "vehicle SUU2415V000000001 is not the presystem's"),
        ({ $0.replacingOccurrences(of: "\"vehicleChargingStatus\":\"Charging\",", with: "") }, "invalid payload"),
    ]

    @Test(arguments: 0..<flawed.count)
    func aFlawedReportIsConfirmedOrAnsweredAndCountsAProblem(_ index: Int) throws {
        var machine = try Self.booted()
        let text = Self.flawed[index].edit(try Self.fromBusbar("pci-2", .chargingInformation(Self.report())))
        let actions = machine.receive(text, at: Self.now)
        #expect(Self.sent(actions).count == 1, "a confirmation or an error (3) answers every report")
        guard case .report(let report) = try #require(Self.events(actions).first) else {
            Issue.record("no report event")
            return
        }
        #expect(report.problems.contains { $0.hasPrefix(Self.flawed[index].problem) }, "\(report.problems)")
    }
}
