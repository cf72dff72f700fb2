import Testing
import VDV

@Suite("VDV 261 parameter state and seq")
struct ParameterStateTests {
    static let vin = "WDB62830419876543"

    @Test func mergesDeltasAndNeverClearsOnSeqZero() {
        var state = VDV261.ParameterState()
        #expect(
            state.merge(.init(seq: 0, vin: Self.vin, odo: 100, batReqtime: 25, chrgStat: 1), plugIn: "tx-1", version: .v1, settings: .init()).step
                == .first)
        #expect(state.merge(.init(seq: 1, vin: Self.vin, batReqtime: 20), plugIn: "tx-1", version: .v1, settings: .init()).step == .next)
        #expect(state.parameters == .init(seq: 1, vin: Self.vin, odo: 100, batReqtime: 20, chrgStat: 1))
        #expect(
            state.merge(.init(seq: 0, vin: Self.vin, precReqtime: 35), plugIn: "tx-1", version: .v1, settings: .init()).step
                == .unexpected(expected: 2))
        #expect(state.parameters == .init(seq: 0, vin: Self.vin, odo: 100, batReqtime: 20, precReqtime: 35, chrgStat: 1))
    }

    @Test(arguments: [
        (0, 1, VDV261.ParameterState.SequenceStep.next),
        (254, 255, .next),
        (255, 0, .next),
        (7, 7, .repeated),
        (7, 9, .unexpected(expected: 8)),
        (255, 1, .unexpected(expected: 0)),
    ])
    func sequenceSteps(previous: Int, seq: Int, step: VDV261.ParameterState.SequenceStep) {
        var state = VDV261.ParameterState()
        _ = state.merge(.init(seq: previous, vin: Self.vin), plugIn: "tx-1", version: .v1, settings: .init())
        #expect(state.merge(.init(seq: seq, vin: Self.vin), plugIn: "tx-1", version: .v1, settings: .init()).step == step)
        #expect(state.lastSeq == seq)
    }

    @Test func aRepeatedSeqIsIdempotent() {
        var state = VDV261.ParameterState()
        let request = VDV261.Request(seq: 4, vin: Self.vin, batEamount: 168_000)
        _ = state.merge(.init(seq: 3, vin: Self.vin, odo: 5), plugIn: "tx-1", version: .v1, settings: .init())
        _ = state.merge(request, plugIn: "tx-1", version: .v1, settings: .init())
        let once = state
        #expect(state.merge(request, plugIn: "tx-1", version: .v1, settings: .init()).step == .repeated)
        #expect(state == once)
    }

    @Test func aNewPlugInStartsAfresh() {
        var state = VDV261.ParameterState()
        _ = state.merge(.init(seq: 9, vin: Self.vin, odo: 100, chrgStat: 1), plugIn: "tx-1", version: .v1, settings: .init())
        #expect(state.merge(.init(seq: 10, vin: Self.vin, batReqtime: 30), plugIn: "tx-2", version: .v1, settings: .init()).step == .first)
        #expect(state.plugIn == "tx-2")
        #expect(state.parameters == .init(seq: 10, vin: Self.vin, batReqtime: 30))
    }

    @Test(
        arguments: [
            (VDV261.Version.v2, 1, nil, nil, ["h2_stat", "bat_stat"]),
            (.v2, 1, 0, nil, ["bat_stat"]),
            (.v2, 1, 0, 0, []),
            (.v2, 0, nil, nil, []),
            (.v1, 1, nil, nil, []),
        ] as [(VDV261.Version, Int, Int?, Int?, [String])])
    func v2DeltasMissingStatusFieldsAreReported(version: VDV261.Version, seq: Int, h2: Int?, bat: Int?, missing: [String]) {
        var state = VDV261.ParameterState()
        let outcome = state.merge(.init(seq: seq, vin: Self.vin, h2Stat: h2, batStat: bat), plugIn: "tx-1", version: version, settings: .init())
        #expect(outcome.missingV2Fields == missing)
    }

    @Test func mapsToVDV463WithTheConfiguredCodeTables() {
        var state = VDV261.ParameterState()
        #expect(state.vehicleChargingStatus(settings: .init()) == .unknown)
        #expect(state.batteryStatus(settings: .init()) == nil)
        #expect(state.preconditioningInfo(settings: .init()) == VDV463.PreconditioningInfo())
        _ = state.merge(
            .init(
                seq: 0, vin: Self.vin, batReqtime: 25, batEamount: 168_000, precReqtime: 35, precEamount: 11_000, chrgStat: 1, h2Stat: 0, batStat: 2),
            plugIn: "tx-1",
            version: .v2,
            settings: .init()
        )
        #expect(
            state.preconditioningInfo(settings: .init())
                == .init(
                    hvBatteryPreconditioningTime: 25, hvBatteryChargingEnergy: 168_000, vehiclePreconditioningTime: 35,
                    vehiclePreconditioningEnergy: 11_000)
        )
        let defaults = VDV261.Settings()
        #expect(state.vehicleChargingStatus(settings: defaults) == .unknown)
        #expect(state.batteryStatus(settings: defaults) == .notAvailable)
        #expect(state.h2TankStatus(settings: defaults) == .notAvailable)
        let configured = VDV261.Settings(chargingStatusCodes: [1: .charging], batteryStatusCodes: [2: .nok], h2StatusCodes: [0: .ok])
        #expect(state.vehicleChargingStatus(settings: configured) == .charging)
        #expect(state.batteryStatus(settings: configured) == .nok)
        #expect(state.h2TankStatus(settings: configured) == .ok)
    }

    @Test func buildsTheVehicleInfoOfVDV463() {
        var state = VDV261.ParameterState()
        #expect(state.vehicleInfo(settings: .init()) == nil)
        _ = state.merge(
            .init(seq: 0, vin: Self.vin, evccid: "001A2B3C4D60", odo: 288_140, batReqtime: 25, chrgStat: 1, batStat: 0),
            plugIn: "tx-1",
            version: .v2,
            settings: .init()
        )
        #expect(
            state.vehicleInfo(settings: .init(chargingStatusCodes: [1: .charging]))
                == VDV463.VehicleInfo(
                    vehicleId: Self.vin,
                    evccId: "001A2B3C4D60",
                    mileage: 288_140,
                    tractionBatteryInfo: .init(batteryStatus: .notAvailable),
                    vehicleStatusInfo: .init(),
                    vehicleChargingStatus: .charging,
                    preconditioningInfo: .init(hvBatteryPreconditioningTime: 25)
                )
        )
    }

    @Test func configuredNotAvailableValuesNeverOverwriteData() {
        let settings = VDV261.Settings(notAvailableValues: [.odo: 0xFFFF_FFFF, .batReqtime: 255])
        var state = VDV261.ParameterState()
        _ = state.merge(.init(seq: 0, vin: Self.vin, odo: 288_140, batReqtime: 25), plugIn: "tx-1", version: .v1, settings: settings)
        _ = state.merge(
            .init(seq: 1, vin: Self.vin, odo: 0xFFFF_FFFF, batReqtime: 255, precReqtime: 255), plugIn: "tx-1", version: .v1, settings: settings)
        #expect(state.parameters == .init(seq: 1, vin: Self.vin, odo: 288_140, batReqtime: 25, precReqtime: 255))
        _ = state.merge(.init(seq: 2, vin: Self.vin, odo: 0xFFFF_FFFF), plugIn: "tx-2", version: .v1, settings: settings)
        #expect(state.parameters == .init(seq: 2, vin: Self.vin))
    }

    @Test func scaleFactorsTurnRawValuesIntoTheAssumedUnits() {
        let settings = VDV261.Settings(scaleFactors: [.batEamount: 100, .odo: 0.1])
        var state = VDV261.ParameterState()
        _ = state.merge(
            .init(seq: 0, vin: Self.vin, odo: 2_881_404, batReqtime: 25, batEamount: 1680), plugIn: "tx-1", version: .v1, settings: settings)
        #expect(state.parameters?.batEamount == 1680)
        #expect(state.preconditioningInfo(settings: settings) == .init(hvBatteryPreconditioningTime: 25, hvBatteryChargingEnergy: 168_000))
        #expect(state.vehicleInfo(settings: settings)?.mileage == 288_140)
    }
}
