import DepotModel
import DepotSimulator
import Foundation
import Testing
import VDV

/// Issue 7's end-to-end test: a presystem client sends the timetable over VDV 463, the simulated
/// night runs, and the presystem's reports show the sessions, the predictions and the final
/// states; the buses' VDV 261 exchanges carry `prec_dsrd`. One run (``VDVNight``), checked from
/// several sides.
@Suite("VDV 463 and VDV 261 through a night, end to end")
struct VDVNightTests {
    static let night = Task { try await VDVNight.run() }

    @Test func theTimetableAndItsUpdateAreAcceptedAndEveryReportPassesTheChecks() async throws {
        let night = try await Self.night.value
        #expect(night.firstTimetable.count == 18, "one request per Hochbahn bus")
        #expect(night.accepted == 2, "the first list and the update (again after a reconnection is no news)")
        #expect(night.refusals.isEmpty, "\(night.refusals)")
        // 01:30–07:00 with a report every clock minute.
        #expect(night.reports > 200, "reports: \(night.reports)")
        #expect(night.problems.isEmpty, "\(night.problems.prefix(10))")
    }

    @Test func theReportsShowEveryBusChargingAtItsRequestedPointWithPredictions() async throws {
        let night = try await Self.night.value
        for request in night.revisedTimetable {
            let vehicle = try #require(night.duringNight.vehicles[request.vehicleId], "\(request.vehicleId) not in the 03:30 report")
            #expect(vehicle.whereabouts == .plugged(pointId: try #require(request.chargingPointId)), "\(request.vehicleId)")
            #expect(vehicle.chargingRequestId == request.chargingRequestId)
            // A session in progress, two hours after plug-in: charging, held for its slot or
            // suspended — for OCPP 2.0.1 chargers from the transaction's chargingState, since their
            // connectors report only `Occupied`.
            let status = try #require(vehicle.processStatus, "\(request.vehicleId) without a charging process")
            #expect(![.preparing, .finishing, .chargingRejectedTechnically].contains(status), "\(request.vehicleId): \(status)")
            // The reported charge is the battery's (reports and meter samples come every clock minute).
            let soc = try #require(vehicle.stateOfCharge, "\(request.vehicleId) without state of charge")
            let truth = try #require(night.trueSoC[request.vehicleId])
            #expect(abs(soc - truth) <= 5, "\(request.vehicleId): reported \(soc) %, battery \(truth) %")
            let prediction = try #require(vehicle.prediction, "\(request.vehicleId) without prediction")
            let departure = try #require(prediction.chargingPredictionDataDepartureTime, "\(request.vehicleId) without departure prediction")
            #expect(departure.requestedTimeForDeparture == request.chargingRequestData.requestedTimeForDeparture)
            #expect((0...100).contains(departure.predictedDepartureTimeSoc))
            if let minimum = prediction.chargingPredictionDataMinTargetSoc {
                #expect(minimum.requestedMinTargetSoc == request.chargingRequestData.minTargetSoc)
                #expect(minimum.predictedTime <= departure.requestedTimeForDeparture)
            } else {
                // A minimum the stay cannot reach is left out; the departure prediction shows the shortfall.
                #expect(departure.predictedDepartureTimeSoc < request.chargingRequestData.minTargetSoc, "\(request.vehicleId)")
            }
            #expect(!(prediction.chargingProgressPredictionList ?? []).isEmpty, "\(request.vehicleId) without progress")
        }
    }

    @Test func theUpdatedDepartureReachesTheReports() async throws {
        let night = try await Self.night.value
        let before = try #require(night.firstTimetable.first { $0.chargingRequestId.hasPrefix("hb-02-") })
        let after = try #require(night.revisedTimetable.first { $0.chargingRequestId == before.chargingRequestId })
        #expect(before.chargingRequestData.requestedTimeForDeparture != after.chargingRequestData.requestedTimeForDeparture)
        let reported = try #require(night.duringNight.vehicles[after.vehicleId]?.prediction?.chargingPredictionDataDepartureTime)
        #expect(reported.requestedTimeForDeparture == after.chargingRequestData.requestedTimeForDeparture)
    }

    @Test func theFinalReportsShowEveryBusDepartedWithTheChargeItLeftWith() async throws {
        let night = try await Self.night.value
        for request in night.revisedTimetable {
            let vehicle = try #require(night.final.vehicles[request.vehicleId])
            guard case .departed(let at) = vehicle.whereabouts else {
                Issue.record("\(request.vehicleId) is \(vehicle.whereabouts) at the end")
                continue
            }
            let departure = try #require(
                night.departures.first { night.depot.vehicle(identifiedBy: $0.visit.vehicle.idToken)?.vin == request.vehicleId })
            // Gone from the reports once Busbar has processed the unplugging (later under load).
            #expect(at >= departure.at, "\(request.vehicleId) reported gone at \(at), left \(departure.at)")
            let soc = try #require(vehicle.stateOfCharge)
            #expect(abs(soc - departure.stateOfCharge) <= 5, "\(request.vehicleId): last reported \(soc) %, left with \(departure.stateOfCharge) %")
        }
        let charged = night.revisedTimetable.filter { request in
            (night.final.vehicles[request.vehicleId]?.stateOfCharge ?? 0) + 1 >= request.chargingRequestData.minTargetSoc
        }
        #expect(!charged.isEmpty, "no bus was reported charged to its minimum target")
    }

    @Test func everyFrameExchangedValidatesAgainstTheOfficialSchemas() async throws {
        let night = try await Self.night.value
        #expect(night.frames.count > 10)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vdv463-frames-\(UUID().uuidString).jsonl")
        try night.frames.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        // The pinned tools of requirements.txt: `make test` installs them into .venv before the Swift suites.
        let venv = DemoNight.root.appendingPathComponent(".venv/bin/python")
        let script = DemoNight.root.appendingPathComponent("Tests/interop/validate_vdv463_frames.py").path
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: venv.path) {
            process.executableURL = venv
            process.arguments = [script, file.path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, file.path]
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }

    @Test func busesExchangeVDV261AndPreconditionWhenBusbarAsks() async throws {
        let night = try await Self.night.value
        #expect(night.exchanges > 500, "exchanges: \(night.exchanges)")
        #expect(night.busFailures.isEmpty, "\(night.busFailures.prefix(5))")
        let asked = night.revisedTimetable.filter { $0.automaticPreconditioning != nil || $0.manualPreconditioning != nil }
        #expect(asked.count == 6)
        #expect(asked.contains { $0.automaticPreconditioning != nil } && asked.contains { $0.manualPreconditioning != nil })
        for request in asked {
            #expect(night.preconditioningDesired.contains(request.vehicleId), "\(request.vehicleId) never got prec_dsrd 1")
            let episode = try #require(night.episodes.first { $0.vin == request.vehicleId }, "\(request.vehicleId) did not pre-condition")
            let departure = try #require(request.chargingRequestData.requestedTimeForDeparture)
            let stop = try #require(episode.stop)
            #expect(episode.start < departure && stop <= departure && episode.start < stop, "\(request.vehicleId): \(episode)")
        }
    }
}
