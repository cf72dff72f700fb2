import DepotModel
import DepotSimulator
import Foundation
import VDV

extension DemoSummary {
    /// `VDV 463: timetable for 18 vehicles accepted` and the other presystem events worth a line;
    /// boots (one per connection) and reports are summarised with the depot line instead.
    func line(_ event: PresystemEvent, presystem: String) -> String? {
        switch event {
        case .bootRejected: "VDV 463: \(presystem) boot rejected"
        case .timetableAccepted(let requests): "VDV 463: timetable for \(requests) vehicles accepted"
        case .timetableRefused(let reason): "VDV 463: timetable refused: \(reason)"
        case .booted, .report: nil
        }
    }

    /// `VDV 463: report 14: 9 plugged (7 charging), 4 scheduled, 2 departed; predicted at departure 81–100 %, min target by 03:40; 0 problems, 1 connections`
    func line(report presystem: VirtualPresystem) async -> String {
        let fleet = await presystem.fleet
        let number = await presystem.reports
        let problems = await presystem.problems.count
        let connections = await presystem.connections
        let plugged = fleet.plugged
        let charging = plugged.filter { $0.processStatus == .charging }.count
        let scheduled = fleet.vehicles.values.filter { $0.whereabouts == .scheduled }.count
        let departed = fleet.vehicles.count - plugged.count - scheduled
        var text = "VDV 463: report \(number): \(plugged.count) plugged (\(charging) charging), \(scheduled) scheduled, \(departed) departed"
        let departureSocs = plugged.compactMap { $0.prediction?.chargingPredictionDataDepartureTime?.predictedDepartureTimeSoc }
        if let low = departureSocs.min(), let high = departureSocs.max() {
            text += String(format: "; predicted at departure %.0f–%.0f %%", low, high)
        }
        if let last = plugged.compactMap({ $0.prediction?.chargingPredictionDataMinTargetSoc?.predictedTime }).max() {
            text += ", min target by \(time(last))"
        }
        return text + "; \(problems) problems, \(connections) connections"
    }

    /// Which buses pre-conditioned over VDV 261, from when to when.
    func preconditioning(_ log: BusLog) async -> String {
        let episodes = await log.episodes
        let vehicles = Set(episodes.map(\.vin))
        var lines = [
            "VDV 261: \(await log.exchanges) exchanges, \(await log.failures.count) failed; \(vehicles.count) buses pre-conditioned"
        ]
        for episode in episodes {
            let name = depot.vehicles.first { $0.vin == episode.vin }?.id.rawValue ?? episode.vin
            let until = episode.stop.map(time) ?? "end"
            lines.append(
                String(format: "  %@ %@–%@ drawing %.0f kW (prec_hvac %d)", name, time(episode.start), until, episode.powerKW, episode.climateMode))
        }
        return lines.joined(separator: "\n")
    }
}
