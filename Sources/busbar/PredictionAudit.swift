import DepotModel
import DepotRuntime
import DepotSimulator
import Foundation

/// What the runtime predicted for each bus against what it left with (issue 13 part 4): the first
/// prediction of departure SoC at least two minutes after plug-in and the last one before leaving,
/// and whether every bus that left below its minimum was announced (`will_miss_departure`) first.
/// Both sides are counted up to the bus's target, as the plan counts them.
struct PredictionAudit {
    /// How long after plug-in the early prediction is taken: the first meter values are in by then.
    static let settle: TimeInterval = 120

    private var early: [VehicleID: Double] = [:]
    private var late: [VehicleID: Double] = [:]
    private var announced: [VehicleID: Date] = [:]

    /// Takes the predictions and the misses announced in one snapshot.
    mutating func observe(_ snapshot: DepotSnapshot) {
        for connector in snapshot.connectors {
            guard let session = connector.session, let vehicle = session.vehicle, let predicted = session.predictedDepartureSoc else { continue }
            if early[vehicle] == nil, snapshot.at.timeIntervalSince(session.startedAt) >= Self.settle { early[vehicle] = predicted }
            late[vehicle] = predicted
        }
        for incident in snapshot.incidents where incident.kind == .willMissDeparture {
            guard let vehicle = incident.vehicle else { continue }
            announced[vehicle] = min(announced[vehicle] ?? incident.at, incident.at)
        }
    }

    /// `predictions: 30 buses, mean absolute error 2.1 points 2 min after plug-in (bias +1.0), 0.4 before leaving; 1 below its minimum, 1 announced`
    func line(_ departures: [VehicleDeparture], depot: Depot) -> String {
        var earlyErrors: [Double] = []
        var lateErrors: [Double] = []
        var below = 0
        var belowAnnounced = 0
        for departure in departures {
            guard let (vehicle, entry) = HindsightOptimum.stay(of: departure.visit, depot: depot) else { continue }
            let ceiling = entry.maximumSoC.value
            let achieved = min(departure.stateOfCharge, ceiling)
            if let predicted = early[vehicle.id] { earlyErrors.append(min(predicted, ceiling) - achieved) }
            if let predicted = late[vehicle.id] { lateErrors.append(min(predicted, ceiling) - achieved) }
            if departure.stateOfCharge + 0.5 < entry.minimumSoC.value {
                below += 1
                if let at = announced[vehicle.id], at < departure.at { belowAnnounced += 1 }
            }
        }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        let earlyAbsolute = mean(earlyErrors.map(abs))
        let lateAbsolute = mean(lateErrors.map(abs))
        let bias = mean(earlyErrors)
        return String(format: "predictions: %d buses, mean absolute error %.1f points ", earlyErrors.count, earlyAbsolute)
            + String(format: "2 min after plug-in (bias %+.1f), %.1f before leaving; ", bias, lateAbsolute)
            + "\(below) below their minimum, \(belowAnnounced) of them announced before leaving"
    }
}
