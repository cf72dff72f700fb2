import Foundation
import OCPP
import Testing

@Suite("Smart-charging profile builder")
struct ProfileBuilderTests {
    static let now = Date(timeIntervalSince1970: 1_795_539_600.4)
    static let startSchedule = Date(timeIntervalSince1970: 1_795_539_540)

    static let dc16 = ChargerCapabilities(
        version: .v16, supply: .dc(volts: 700), allowedUnits: [.watts, .amperes], maxStackLevel: 3, maxPeriods: 24, minimumWatts: 5000)
    static let ac201 = ChargerCapabilities(
        version: .v201, supply: .ac(phases: 3, lineToNeutralVolts: 230), allowedUnits: [.amperes], maxStackLevel: 6, maxPeriods: 24,
        minimumWatts: 4140)

    static func profile16(_ call: OutgoingCall) throws -> V16.SetChargingProfileRequest {
        guard case .v16(.setChargingProfile(let request)) = call else { throw OCPPError(.internalFailure, "not a 1.6 SetChargingProfile") }
        return request
    }

    static func profile201(_ call: OutgoingCall) throws -> V201.SetChargingProfileRequest {
        guard case .v201(.setChargingProfile(let request)) = call else { throw OCPPError(.internalFailure, "not a 2.0.1 SetChargingProfile") }
        return request
    }

    static func limits16(_ request: V16.SetChargingProfileRequest) -> [[Double]] {
        request.csChargingProfiles.chargingSchedule.chargingSchedulePeriod.map { [Double($0.startPeriod), $0.limit] }
    }

    @Test func stationCapAndFailSafeAtConnectorZero() throws {
        let builder = ProfileBuilder(capabilities: Self.dc16, failSafeWatts: 40_000.07)
        let cap = try Self.profile16(builder.stationMaximum(watts: 300_000, now: Self.now))
        #expect(cap.connectorId == 0)
        #expect(cap.csChargingProfiles.chargingProfileId == 1_000_001)
        #expect(cap.csChargingProfiles.chargingProfilePurpose == .chargePointMaxProfile)
        #expect(cap.csChargingProfiles.stackLevel == 0)
        #expect(cap.csChargingProfiles.chargingProfileKind == .absolute)
        #expect(cap.csChargingProfiles.chargingSchedule.startSchedule == Self.startSchedule)
        #expect(cap.csChargingProfiles.chargingSchedule.chargingRateUnit == .w)
        #expect(Self.limits16(cap) == [[0, 300_000]])

        let failSafe = try Self.profile16(builder.failSafeDefault(now: Self.now))
        #expect(failSafe.connectorId == 0)
        #expect(failSafe.csChargingProfiles.chargingProfileId == 1_000_002)
        #expect(failSafe.csChargingProfiles.chargingProfilePurpose == .txDefaultProfile)
        #expect(failSafe.csChargingProfiles.stackLevel == 0)
        #expect(Self.limits16(failSafe) == [[0, 40_000]])
    }

    @Test func sessionProfileHoldsTheHorizonThenFallsBackToTheFailSafeShare() throws {
        let builder = ProfileBuilder(capabilities: Self.dc16, failSafeWatts: 40_000)
        let limits = [
            LimitStep(offsetSeconds: 0, watts: 150_000.06), LimitStep(offsetSeconds: 300, watts: 120_000),
            LimitStep(offsetSeconds: 600, watts: 120_000), LimitStep(offsetSeconds: 1200, watts: 90_000),
        ]
        let request = try Self.profile16(builder.sessionProfile(connector: 2, transaction: .v16(1_804_289_383), limits: limits, now: Self.now))
        #expect(request.connectorId == 2)
        #expect(request.csChargingProfiles.chargingProfileId == 1_000_023)
        #expect(request.csChargingProfiles.chargingProfilePurpose == .txProfile)
        #expect(request.csChargingProfiles.transactionId == 1_804_289_383)
        #expect(request.csChargingProfiles.stackLevel == 1)
        #expect(request.csChargingProfiles.chargingSchedule.duration == nil)
        #expect(Self.limits16(request) == [[0, 150_000], [360, 120_000], [960, 40_000]])
    }

    @Test("stack level never above the probed maximum", arguments: [(0, 0), (1, 1), (6, 1)])
    func stackLevel(probed: Int, expected: Int) throws {
        let capabilities = ChargerCapabilities(
            version: .v16, supply: .dc(volts: 700), allowedUnits: [.watts], maxStackLevel: probed, maxPeriods: 24, minimumWatts: 0)
        let builder = ProfileBuilder(capabilities: capabilities, failSafeWatts: 40_000)
        let request = try Self.profile16(
            builder.sessionProfile(connector: 1, transaction: .v16(1), limits: [LimitStep(offsetSeconds: 0, watts: 50_000)], now: Self.now))
        #expect(request.csChargingProfiles.stackLevel == expected)
    }

    @Test(
        "AC limits in A per phase, rounded down, never between 0 and the minimum",
        arguments: [
            (22_080.0, 32.0), (11_000.0, 15.9), (4_140.0, 6.0), (3_000.0, 0.0), (0.0, 0.0),
        ])
    func acAmperes(watts: Double, amperes: Double) throws {
        let builder = ProfileBuilder(capabilities: Self.ac201, failSafeWatts: 4_140)
        let request = try Self.profile201(
            builder.sessionProfile(connector: 1, transaction: .v201("tx-1"), limits: [LimitStep(offsetSeconds: 0, watts: watts)], now: Self.now))
        let schedule = try #require(request.chargingProfile.chargingSchedule.first)
        #expect(schedule.chargingRateUnit == .a)
        #expect(schedule.chargingSchedulePeriod.first?.limit == amperes)
        #expect(schedule.chargingSchedulePeriod.allSatisfy { $0.numberPhases == 3 })
        #expect(request.chargingProfile.transactionId == "tx-1")
        #expect(request.chargingProfile.chargingProfilePurpose == .txProfile)
        #expect(request.evseId == 1)
    }

    @Test func aOnlyDCStationsGetAmperesAtTheGivenVoltage() throws {
        let capabilities = ChargerCapabilities(version: .v16, supply: .dc(volts: 650), allowedUnits: [.amperes], maxPeriods: 24, minimumWatts: 0)
        let request = try Self.profile16(ProfileBuilder(capabilities: capabilities, failSafeWatts: 0).stationMaximum(watts: 100_000, now: Self.now))
        #expect(request.csChargingProfiles.chargingSchedule.chargingRateUnit == .a)
        #expect(Self.limits16(request) == [[0, 153.8]])
        #expect(request.csChargingProfiles.chargingSchedule.chargingSchedulePeriod.first?.numberPhases == nil)
    }

    @Test func periodsAreMergedAndCutByShorteningTheHorizon() throws {
        let capabilities = ChargerCapabilities(
            version: .v16, supply: .dc(volts: 700), allowedUnits: [.watts], maxStackLevel: 1, maxPeriods: 3, minimumWatts: 0)
        let builder = ProfileBuilder(capabilities: capabilities, failSafeWatts: 30_000)
        let limits = [0, 60, 120, 180, 240].enumerated().map {
            LimitStep(offsetSeconds: $0.element, watts: [100_000, 100_000, 80_000, 60_000, 50_000][$0.offset])
        }
        let request = try Self.profile16(builder.sessionProfile(connector: 1, transaction: .v16(9), limits: limits, now: Self.now))
        #expect(Self.limits16(request) == [[0, 100_000], [180, 80_000], [240, 30_000]])
    }

    @Test func onePeriodStationsGetTheCurrentLimitForTheHorizon() throws {
        let capabilities = ChargerCapabilities(
            version: .v16, supply: .dc(volts: 700), allowedUnits: [.watts], maxStackLevel: 1, maxPeriods: 1, minimumWatts: 0)
        let builder = ProfileBuilder(capabilities: capabilities, failSafeWatts: 30_000)
        let request = try Self.profile16(
            builder.sessionProfile(connector: 1, transaction: .v16(9), limits: [LimitStep(offsetSeconds: 0, watts: 90_000)], now: Self.now))
        #expect(Self.limits16(request) == [[0, 90_000]])
        #expect(request.csChargingProfiles.chargingSchedule.duration == 960)
    }

    @Test func stationMaximumIn201() throws {
        let builder = ProfileBuilder(capabilities: Self.ac201, failSafeWatts: 4_140)
        let request = try Self.profile201(builder.stationMaximum(watts: 44_160, now: Self.now))
        #expect(request.evseId == 0)
        #expect(request.chargingProfile.id == 1_000_001)
        #expect(request.chargingProfile.chargingProfilePurpose == .chargingStationMaxProfile)
        #expect(request.chargingProfile.chargingProfileKind == .absolute)
        #expect(request.chargingProfile.chargingSchedule.first?.chargingSchedulePeriod.first?.limit == 64.0)
        #expect(request.chargingProfile.chargingSchedule.first?.startSchedule == Self.startSchedule)
    }

    @Test("every built profile passes its own schema", arguments: [Self.dc16, Self.ac201])
    func builtProfilesAreValid(capabilities: ChargerCapabilities) throws {
        let builder = ProfileBuilder(capabilities: capabilities, failSafeWatts: 12_345.678)
        let transaction: ChargingTransactionID = capabilities.version == .v16 ? .v16(5) : .v201("tx")
        let limits = (0..<40).map { LimitStep(offsetSeconds: $0 * 30, watts: Double($0) * 1_234.567) }
        let calls = [
            builder.stationMaximum(watts: 98_765.43, now: Self.now), builder.failSafeDefault(now: Self.now),
            builder.sessionProfile(connector: 1, transaction: transaction, limits: limits, now: Self.now),
        ]
        for call in calls {
            let payload = try call.payload()
            var used: DecodingQuirks = []
            let decoded: OutgoingCall? =
                switch capabilities.version {
                case .v16: try V16.CSMSCall.decode(action: call.action, payload: payload, usedQuirks: &used).map(OutgoingCall.v16)
                case .v201: try V201.CSMSCall.decode(action: call.action, payload: payload, usedQuirks: &used).map(OutgoingCall.v201)
                }
            #expect(decoded == call)
        }
    }

    @Test func significanceFilter() {
        var filter = LimitChangeFilter()
        let start = ContinuousClock.now
        let steps: [(connector: Int, watts: Double, second: Int, admitted: Bool)] = [
            (1, 100_000, 0, true),  // first limit
            (1, 100_000, 1, false),  // unchanged
            (1, 99_900, 1, true),  // decrease: at once
            (1, 100_500, 20, false),  // increase of 600 W and 0.6 %: not significant
            (1, 110_000, 10, false),  // significant, but only 9 s after the last send
            (1, 110_000, 11, true),
            (2, 4_000, 11, true),  // connectors are independent
            (2, 4_300, 21, true),  // 300 W is 7.5 %
        ]
        for step in steps {
            let admitted = filter.admit(connector: step.connector, watts: step.watts, at: start + .seconds(step.second))
            #expect(admitted == step.admitted, "connector \(step.connector), \(step.watts) W at \(step.second) s")
        }
    }
}
