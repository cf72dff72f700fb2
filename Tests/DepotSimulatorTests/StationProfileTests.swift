import DepotSimulator
import Foundation
import OCPP
import Testing

@Suite struct StationProfileTests {
    static let bus = PluggedVehicle(idToken: "TAG-1", battery: SimulatedBattery(capacityKWh: 400, maxPowerKW: 150, stateOfCharge: 40))

    static func txProfile16(limitW: Double, start: Date, horizon: Int, failSafeW: Double, level: Int = 1) -> V16.ChargingProfile {
        V16.ChargingProfile(
            chargingProfileId: 1_000_012, transactionId: 42, stackLevel: level, chargingProfilePurpose: .txProfile, chargingProfileKind: .absolute,
            chargingSchedule: V16.ChargingSchedule(
                startSchedule: start, chargingRateUnit: .w,
                chargingSchedulePeriod: [.init(startPeriod: 0, limit: limitW), .init(startPeriod: horizon, limit: failSafeW)]
            )
        )
    }

    @Test func oneSixStationDrawsTheProfileLimitThenTheFailSafe() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        let profile = Self.txProfile16(limitW: 50_000, start: harness.now, horizon: 900, failSafeW: 20_000)
        let reply = try harness.call(.v16(.setChargingProfile(.init(connectorId: 1, csChargingProfiles: profile))))
        #expect(try OCPPCodec.decode(V16.SetChargingProfileResponse.self, from: try #require(harness.resultPayload(reply))).status == .accepted)
        try harness.advance(by: 60, step: 5)
        #expect(abs((harness.station.connector(1)?.powerKW ?? 0) - 50) < 1e-6)
        try harness.advance(by: 900, step: 30)
        #expect(abs((harness.station.connector(1)?.powerKW ?? 0) - 20) < 1e-6)
    }

    @Test func aZeroLimitSuspendsTheSessionAtTheStation() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        _ = try harness.call(
            .v16(
                .setChargingProfile(
                    .init(connectorId: 1, csChargingProfiles: Self.txProfile16(limitW: 0, start: harness.now, horizon: 900, failSafeW: 0))))
        )
        try harness.advance(by: 5)
        #expect(harness.station.connector(1)?.status == .suspendedEVSE)
        #expect(try harness.requests(V16.StatusNotificationRequest.self, action: "StatusNotification").last?.status == .suspendedEVSE)
    }

    @Test(arguments: [
        (level: 4, connector: 1, purpose: V16.ChargingProfile.ChargingProfilePurpose.txProfile, accepted: false),
        (level: 3, connector: 1, purpose: .txProfile, accepted: true),
        (level: 0, connector: 1, purpose: .chargePointMaxProfile, accepted: false),
        (level: 0, connector: 0, purpose: .chargePointMaxProfile, accepted: true),
        (level: 0, connector: 2, purpose: .txProfile, accepted: false),
    ])
    func setChargingProfileFollowsTheStationsLimits(
        level: Int, connector: Int, purpose: V16.ChargingProfile.ChargingProfilePurpose, accepted: Bool
    ) throws {
        var harness = StationHarness(version: .v16, connectors: 2)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        var profile = Self.txProfile16(limitW: 50_000, start: harness.now, horizon: 900, failSafeW: 20_000, level: level)
        profile.chargingProfilePurpose = purpose
        if purpose != .txProfile { profile.transactionId = nil }
        let reply = try harness.call(.v16(.setChargingProfile(.init(connectorId: connector, csChargingProfiles: profile))))
        let status = try OCPPCodec.decode(V16.SetChargingProfileResponse.self, from: try #require(harness.resultPayload(reply))).status
        #expect(status == (accepted ? .accepted : .rejected))
    }

    @Test func getCompositeScheduleReportsWattsAndAmperes() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        _ = try harness.call(
            .v16(
                .setChargingProfile(
                    .init(connectorId: 1, csChargingProfiles: Self.txProfile16(limitW: 69_000, start: harness.now, horizon: 900, failSafeW: 20_700))))
        )
        let watts = try harness.call(.v16(.getCompositeSchedule(.init(connectorId: 1, duration: 3600, chargingRateUnit: .w))))
        let wattSchedule = try OCPPCodec.decode(V16.GetCompositeScheduleResponse.self, from: try #require(harness.resultPayload(watts)))
        #expect(wattSchedule.chargingSchedule?.chargingSchedulePeriod.map(\.startPeriod) == [0, 900])
        #expect(wattSchedule.chargingSchedule?.chargingSchedulePeriod.map(\.limit) == [69_000, 20_700])
        let amperes = try harness.call(.v16(.getCompositeSchedule(.init(connectorId: 1, duration: 3600, chargingRateUnit: .a))))
        let ampereSchedule = try OCPPCodec.decode(V16.GetCompositeScheduleResponse.self, from: try #require(harness.resultPayload(amperes)))
        #expect(ampereSchedule.chargingSchedule?.chargingSchedulePeriod.map(\.limit) == [100, 30])
    }

    @Test func twoZeroOneStationObeysAnAmpereTxProfile() throws {
        var harness = StationHarness(version: .v201)
        try harness.boot()
        harness.station.plugIn(connector: 1, vehicle: Self.bus, at: harness.now)
        try harness.pump()
        let transactionId = try #require(harness.station.connector(1)?.transaction?.transactionId)
        let profile = V201.ChargingProfile(
            id: 1_000_012, stackLevel: 1, chargingProfilePurpose: .txProfile, chargingProfileKind: .absolute,
            chargingSchedule: [
                V201.ChargingSchedule(
                    id: 1, startSchedule: harness.now, chargingRateUnit: .a,
                    chargingSchedulePeriod: [.init(startPeriod: 0, limit: 32, numberPhases: 3)])
            ],
            transactionId: transactionId
        )
        let reply = try harness.call(.v201(.setChargingProfile(.init(evseId: 1, chargingProfile: profile))))
        #expect(try OCPPCodec.decode(V201.SetChargingProfileResponse.self, from: try #require(harness.resultPayload(reply))).status == .accepted)
        try harness.advance(by: 10)
        #expect(abs((harness.station.connector(1)?.powerKW ?? 0) - 22.08) < 1e-6)
    }
}
