import DepotConfig
import DepotModel
import Foundation
import OCPP
import Testing
import VDV

@testable import DepotSimulator

/// The pieces of the VDV peers that need no server: the timetable a presystem derives from a
/// simulation plan, the presystem's view of its fleet, a bus's VDV 261 messages, and the
/// pre-conditioning load a bus draws.
@Suite("Virtual VDV peers")
struct VirtualPeersTests {
    static let start = LocalDate(year: 2026, month: 11, day: 24).instant(at: TimeOfDay(hour: 19, minute: 0)!, in: SimulationPlanTests.demo.timeZone)

    @Test func theTimetableHasOneRequestPerVisitOfTheTenantsBusesAtItsPointAndTimes() throws {
        let depot = SimulationPlanTests.demo
        let plan = SimulationPlan(depot: depot, start: Self.start, seed: 1)
        let requests = UpstreamTimetable.requests(plan: plan, depot: depot, tenant: "hochbahn")
        let visits = plan.visits.filter { depot.vehicle(identifiedBy: $0.vehicle.idToken)?.tenant == "hochbahn" }
        #expect(requests.count == visits.count && requests.count == 18)
        #expect(Set(requests.map(\.chargingRequestId)).count == requests.count)
        for (request, visit) in zip(requests, visits) {
            let vehicle = try #require(depot.vehicle(identifiedBy: visit.vehicle.idToken))
            #expect(request.vehicleId == vehicle.vin)
            #expect(request.chargingPointId == "demo/\(plan.stations[visit.station].id)/\(visit.connector)")
            #expect(request.chargingRequestData.expectedArrivalTimeAtChargingPoint == visit.arrival)
            #expect(request.chargingRequestData.requestedTimeForDeparture == visit.departure)
            #expect(request.chargingRequestData.minTargetSoc <= request.chargingRequestData.maxTargetSoc)
            let starts = [request.automaticPreconditioning?.requestedStartTime, request.manualPreconditioning?.hvacPreconditioningStartTime]
            for start in starts.compactMap({ $0 }) { #expect(start > visit.arrival && start < visit.departure) }
        }
        // hb-01 pre-conditions from 03:50 before its 04:35 departure; the kinds alternate in visit order.
        let hb01 = try #require(requests.first { $0.vehicleId == "WEB62830410000001" })
        let departure = try #require(hb01.chargingRequestData.requestedTimeForDeparture)
        let start = hb01.automaticPreconditioning?.requestedStartTime ?? hb01.manualPreconditioning?.hvacPreconditioningStartTime
        #expect(start == departure.addingTimeInterval(-45 * 60))
        let kinds = requests.filter { $0.automaticPreconditioning != nil || $0.manualPreconditioning != nil }.map {
            $0.automaticPreconditioning != nil
        }
        #expect(kinds == [true, false, true, false, true, false])
        #expect(requests.compactMap(\.automaticPreconditioning).allSatisfy { $0.preconditioningRequest == .hotWaterAndHeating })
        let manual = requests.compactMap(\.manualPreconditioning)
        #expect(manual.count == 3 && requests.compactMap(\.automaticPreconditioning).count == 3)
        #expect(manual.allSatisfy { $0.hvacAuxiliaryConsumerPower == 15 && $0.systemAuxiliaryConsumerPower == 5 })
    }

    static func report(_ number: Int, at minute: Double, plugged: [String]) -> ChargingReport {
        let points = plugged.enumerated().map { index, vehicle in
            VDV463.ChargingPointInfo(
                chargingPointId: "demo/DEMO-A0\(index + 1)/1", chargingPointStatus: .occupied,
                vehicleInfo: VDV463.VehicleInfo(
                    vehicleId: vehicle, tractionBatteryInfo: VDV463.TractionBatteryInfo(stateOfCharge: 40 + minute),
                    vehicleStatusInfo: VDV463.VehicleStatusInfo(), vehicleChargingStatus: .charging, preconditioningInfo: VDV463.PreconditioningInfo()
                ))
        }
        let payload = VDV463.ProvideChargingInformationRequest(depotInfoList: [
            VDV463.DepotInfo(
                depotId: "demo", chargingStationInfoList: [VDV463.ChargingStationInfo(chargingStationId: "demo/X", chargingPointInfoList: points)])
        ])
        return ChargingReport(number: number, at: start.addingTimeInterval(minute * 60), payload: payload, problems: [], text: "")
    }

    @Test func aVehicleMissingFromALaterReportHasDepartedWithItsLastCharge() {
        var view = PresystemFleetView()
        view.apply(Self.report(1, at: 0, plugged: ["A", "B"]))
        view.apply(Self.report(2, at: 1, plugged: ["A", "B"]))
        view.apply(Self.report(3, at: 2, plugged: ["A"]))
        #expect(view.vehicles["A"]?.whereabouts == .plugged(pointId: "demo/DEMO-A01/1"))
        #expect(view.vehicles["B"]?.whereabouts == .departed(at: Self.start.addingTimeInterval(120)))
        #expect(view.vehicles["B"]?.stateOfCharge == 41)
        #expect(view.vehicles["B"]?.firstPlugged == Self.start)
        #expect(view.plugged.map(\.vehicleId) == ["A"])
    }

    @Test func aPreconditioningBusDrawsItsLoadThroughTheConnectorEvenWithAFullBattery() throws {
        var harness = StationHarness(version: .v16)
        try harness.boot()
        let full = PluggedVehicle(idToken: "TAG-1", battery: SimulatedBattery(capacityKWh: 300, maxPowerKW: 150, stateOfCharge: 100))
        harness.station.plugIn(connector: 1, vehicle: full, at: harness.now)
        try harness.advance(by: 60)
        #expect(harness.station.connector(1)?.powerKW == 0)
        let before = try #require(harness.station.connector(1)?.registerWh)
        harness.station.setAuxiliaryLoad(connector: 1, idToken: "OTHER", kw: 20, at: harness.now)
        try harness.advance(by: 60)
        #expect(harness.station.connector(1)?.registerWh == before, "another vehicle's request is ignored")
        harness.station.setAuxiliaryLoad(connector: 1, idToken: "TAG-1", kw: 20, at: harness.now)
        try harness.advance(by: 180)
        let connector = try #require(harness.station.connector(1))
        #expect(abs(connector.powerKW - 20) < 0.001)
        #expect(abs(connector.registerWh - before - 1000) < 1, "20 kW for three minutes is 1 kWh")
        #expect(connector.status == .charging)
        harness.station.setAuxiliaryLoad(connector: 1, idToken: "TAG-1", kw: 0, at: harness.now)
        try harness.advance(by: 60)
        #expect(harness.station.connector(1)?.powerKW == 0)
    }

    @Test func aBusSendsItsCompleteSetAtSeqZeroThenDeltasAndItsCounterWraps() throws {
        let battery = SimulatedBattery(capacityKWh: 330, maxPowerKW: 150, stateOfCharge: 40)
        let full = VirtualBus.message(seq: 0, vin: "WEB62830410000001", battery: battery, preconditioningKW: 20)
        #expect(try VDV261.Request.decode(full.body()) == full, "the body reads back with Busbar's codec")
        #expect(full.batEamount == 198_000 && full.precReqtime != nil && full.odo != nil)
        let delta = VirtualBus.message(seq: 7, vin: "WEB62830410000001", battery: battery, preconditioningKW: 20)
        #expect(try VDV261.Request.decode(delta.body()) == delta)
        #expect(delta.h2Stat != nil && delta.batStat != nil && delta.odo == nil, "a V2 delta carries the statuses only")
        #expect(VirtualBus.seq(after: 0) == 1 && VirtualBus.seq(after: 254) == 255 && VirtualBus.seq(after: 255) == 0)
    }

    @Test func aBusReadsBusbarsAnswer() throws {
        let request = VDV261.Request(seq: 3, vin: "WEB62830410000001", h2Stat: 0, batStat: 0)
        let answer = VDV261.Response(
            replyingTo: request, decision: VDV261.Decision(departure: Self.start, preconditioningDesired: true, targetSoc: 90), version: .v2,
            settings: VDV261.Settings())
        let directive = try BusDirective.decode(answer.encoded())
        #expect(directive.seq == 3 && directive.vin == "WEB62830410000001" && directive.precDsrd == 1 && directive.targetSoc == 90)
        #expect(directive.driveoff == 65535 && directive.ambienttemp == 255)
    }
}
