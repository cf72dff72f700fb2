import DepotModel
import Foundation
import Testing
import VDV

@testable import BusbarServer
@testable import DepotRuntime

/// ProvideChargingInformation reports the `preconditioning` policy's plan (docs/vdv.md A6, B5). The
/// frame is kept as a golden file that `Tests/interop/test_vdv463_preconditioning.py` validates
/// against the official 2.0.0 schema.
@Suite("VDV 463 report of pre-conditioning")
struct PreconditioningReportTests {
    static let now = Date(timeIntervalSince1970: 1_795_578_600)  // 2026-11-25T03:50:00Z
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("interop/vdv463-emitted/ProvideChargingInformation.preconditioning.json")

    /// hb-01 charging at DEMO-A01/1 inside a 45-minute window that conditions cabin and battery.
    static func report(active: Bool, reported: VDV261.ParameterState? = nil) -> VDV463.ProvideChargingInformationRequest {
        let depot = VDVTestDepot.depot
        let scope = PresystemScope(presystemID: VDVTestDepot.hochbahn.presystem, depot: depot, tenant: depot.tenant("hochbahn")!)
        let start = active ? now.addingTimeInterval(-600) : now.addingTimeInterval(3600)
        let plan = PreconditioningSnapshot(
            stay: "api-hb-01", vehicle: "hb-01", start: start, finish: start.addingTimeInterval(45 * 60), mode: .hotWaterAndHeating,
            battery: true, hvacKw: 20, batteryKw: 10, active: active, reason: "departure - 45 min")
        var session = SessionSnapshot(
            id: "DEMO-A01:tx-1", vehicle: "hb-01", tenant: "hochbahn", startedAt: now.addingTimeInterval(-6 * 3600), energyKwh: 112.3,
            powerKw: 96.7, soc: 54.5, departure: start.addingTimeInterval(45 * 60), targetSoc: 95, predictedDepartureSoc: nil, limitKw: 100,
            held: false, manualCapKw: nil)
        session.preconditioning = plan
        let connector = ConnectorSnapshot(
            charger: "DEMO-A01", connector: 1, bay: "A01-1", state: .charging, errorCode: nil, occupied: true, session: session)
        let snapshot = DepotSnapshot(
            depot: depot.id, at: now, siteLimitKw: 2000, block: "night", sitePowerKw: 96.7, onlineChargers: ["DEMO-A01"], connectors: [connector],
            reservations: [], stays: [], incidents: [], preconditioning: [plan])
        return scope.chargingInformation(
            snapshot: snapshot, predictions: [:], requests: [], rejections: [], reported: reported.map { ["hb-01": $0] } ?? [:],
            vdv261: VDV261.Settings())
    }

    static func vehicle(_ report: VDV463.ProvideChargingInformationRequest) throws -> VDV463.VehicleInfo {
        let point = report.depotInfoList.first?.chargingStationInfoList.flatMap(\.chargingPointInfoList).first {
            $0.chargingPointId == "demo/DEMO-A01/1"
        }
        return try #require(point?.vehicleInfo)
    }

    @Test func anOpenWindowSetsTheStatusFlagsAndThePlannedNeeds() throws {
        let vehicle = try Self.vehicle(Self.report(active: true))
        #expect(vehicle.vehicleStatusInfo.hvacPreconditioningActive == true)
        #expect(vehicle.vehicleStatusInfo.systemPreconditioningActive == true)
        #expect(vehicle.vehicleChargingStatus == .chargingAndPreconditioning)
        #expect(vehicle.preconditioningInfo.vehiclePreconditioningTime == 45 && vehicle.preconditioningInfo.hvBatteryPreconditioningTime == 45)
        #expect(vehicle.preconditioningInfo.vehiclePreconditioningEnergy == 15_000)
    }

    @Test func beforeTheWindowNothingIsActiveAndReportedNeedsWin() throws {
        var state = VDV261.ParameterState()
        _ = state.merge(
            VDV261.Request(seq: 0, vin: VDVTestDepot.hb01.vin, batReqtime: 25, precReqtime: 35, precEamount: 11000), plugIn: "DEMO-A01:tx-1",
            version: .v1, settings: VDV261.Settings())
        let vehicle = try Self.vehicle(Self.report(active: false, reported: state))
        #expect(vehicle.vehicleStatusInfo.hvacPreconditioningActive == false)
        #expect(vehicle.vehicleStatusInfo.systemPreconditioningActive == false)
        #expect(vehicle.vehicleChargingStatus == .charging)
        #expect(vehicle.preconditioningInfo.vehiclePreconditioningTime == 35 && vehicle.preconditioningInfo.hvBatteryPreconditioningTime == 25)
        #expect(vehicle.preconditioningInfo.vehiclePreconditioningEnergy == 11000)
    }

    @Test func anAutomaticRequestBecomesARuleWithItsAmbientTemperature() throws {
        let depot = VDVTestDepot.depot
        let scope = PresystemScope(presystemID: VDVTestDepot.hochbahn.presystem, depot: depot, tenant: depot.tenant("hochbahn")!)
        let request = VDV463.ChargingRequest(
            chargingRequestId: "CR-1", vehicleId: VDVTestDepot.hb01.vin,
            chargingRequestData: VDV463.ChargingRequestData(minTargetSoc: 75, maxTargetSoc: 95, requestedTimeForDeparture: Self.now),
            automaticPreconditioning: VDV463.AutomaticPreconditioning(
                preconditioningRequest: .hotWaterAndHeating, ambientTemperature: -6.5, requestedFinishTime: Self.now))
        let stay = try #require(try scope.entries(for: [request], now: Self.now.addingTimeInterval(-3600)).first)
        #expect(
            stay.preconditioning == .automatic(mode: .hotWaterAndHeating, requestedStart: nil, requestedFinish: Self.now, ambientTemperature: -6.5))
    }

    /// A stale or missing golden file is rewritten and the test fails: commit the new file.
    @Test func goldenFrameMatchesTheEncoder() throws {
        let message = VDV463.Message.fromBusbar(
            presystemId: VDVTestDepot.hochbahn.presystem, timeStamp: Self.now, messageId: "5d0c2b7e-8f41-4c3a-9d2e-6a1b0c9f8e71",
            body: .chargingInformation(Self.report(active: true)))
        let emitted = try message.encoded() + Data("\n".utf8)
        if (try? Data(contentsOf: Self.golden)) != emitted {
            try FileManager.default.createDirectory(at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try emitted.write(to: Self.golden)
            Issue.record("\(Self.golden.path) was stale or missing and has been rewritten; review and commit it")
        }
    }
}
