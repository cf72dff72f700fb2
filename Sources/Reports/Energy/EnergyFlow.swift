import Foundation

/// Energy that flowed between two consecutive meter readings of one transaction. Reports know
/// energy only at readings, so within one flow it is taken as spread evenly over time: that is
/// how it is split across periods, 15-minute intervals and tariff blocks.
struct EnergyFlow: Sendable, Hashable {
    let interval: Range<Date>
    let kilowattHours: Double

    /// The part of this flow that fell inside `window`.
    func kilowattHours(in window: Range<Date>) -> Double {
        interval.seconds > 0 ? kilowattHours * interval.overlap(with: window) / interval.seconds : 0
    }

    /// The flows between readings: the start value, the register samples inside the transaction,
    /// and the stop value. A reading below an earlier one (a meter glitch) adds no energy.
    static func flows(start: (Date, Double), readings: [(Date, Double)], stop: (Date, Double)?) -> [EnergyFlow] {
        let end = stop?.0 ?? .distantFuture
        var points = [start] + readings.filter { $0.0 > start.0 && $0.0 < end }.sorted { $0.0 < $1.0 }
        if let stop, stop.0 > start.0 { points.append(stop) }
        var flows: [EnergyFlow] = []
        var previous = start
        for point in points.dropFirst() where point.0 > previous.0 {
            flows.append(EnergyFlow(interval: previous.0..<point.0, kilowattHours: Swift.max(0, point.1 - previous.1)))
            previous = (point.0, Swift.max(previous.1, point.1))
        }
        return flows
    }
}
