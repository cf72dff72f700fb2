import DepotModel
import DepotRuntime
import DepotSimulator
import Foundation

/// The lines `busbar demo` prints: the depot now, what happened, and how the buses left.
struct DemoSummary {
    let depot: Depot

    func time(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = depot.timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `23:30 night   site 1480 / 2000 kW   charging 22   plugged 25   chargers 20/20 online   misses 1`
    func line(_ snapshot: DepotSnapshot) -> String {
        let charging = snapshot.connectors.filter { ($0.session?.powerKw ?? 0) > 0.5 }.count
        let plugged = snapshot.connectors.filter(\.occupied).count
        let misses = snapshot.connectors.compactMap(\.session).filter { session in
            guard let predicted = session.predictedDepartureSoc, let target = session.targetSoc else { return false }
            return predicted + 0.5 < target
        }.count
        let chargers = Set(snapshot.connectors.map(\.charger)).count
        return String(
            format: "%@ %-6@ site %5.0f / %4.0f kW   charging %2d   plugged %2d   chargers %d/%d online   predicted below target %d",
            time(snapshot.at), snapshot.block ?? "-", snapshot.sitePowerKw, snapshot.siteLimitKw, charging, plugged, snapshot.onlineChargers.count,
            chargers, misses)
    }

    /// `  ! 23:10 no_show: hb-12 did not arrive at A06-1#1: bay released`
    func line(_ incident: DepotIncident) -> String {
        "  ! \(time(incident.at)) \(incident.kind.rawValue): \(incident.message)"
    }

    /// How every bus left against its timetable target, and the energy that reached the batteries
    /// (up to each bus's target) against the hindsight optimum of the same night (nil if it could
    /// not be solved).
    func departures(_ departures: [VehicleDeparture], plan: SimulationPlan, optimum: HindsightOptimum?) -> String {
        var lines = ["departures: \(departures.count) of \(plan.visits.count) visits"]
        let index = Dictionary(plan.visits.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var onTarget = 0
        var optimumOnTarget = 0
        var delivered = 0.0
        var best = 0.0
        for departure in departures {
            guard let (vehicle, entry) = HindsightOptimum.stay(of: departure.visit, depot: depot) else { continue }
            let battery = departure.visit.vehicle.battery
            // Counted up to the target, as the optimum counts it: energy above it buys nothing.
            let useful = min(departure.stateOfCharge, entry.maximumSoC.value)
            delivered += max(0, useful - battery.stateOfCharge) / 100 * battery.capacityKWh
            let target = entry.minimumSoC.value
            if let optimum, let row = index[departure.visit] {
                best += optimum.energy[row]
                if let soc = optimum.departureSoC[row], soc + 0.5 >= target { optimumOnTarget += 1 }
            }
            if departure.stateOfCharge + 0.5 >= target {
                onTarget += 1
            } else {
                lines.append(
                    String(
                        format: "  %@ left %@ with %.0f %% (minimum %.0f %%)", vehicle.id.rawValue, time(departure.at), departure.stateOfCharge,
                        target))
            }
        }
        var summary = ["  \(onTarget) left at or above their minimum target SoC"]
        let energy = String(format: "  %.0f kWh into the batteries up to their targets", delivered)
        if optimum != nil {
            let share: Double = best > 0 ? 100 * delivered / best : 100
            summary.append(
                energy + String(format: "; hindsight optimum %.0f kWh (%.1f %%)", best, share) + " with \(optimumOnTarget) at their minimum")
        } else {
            summary.append(energy + "; no hindsight optimum")
        }
        let late = departures.map(\.lateness).max() ?? 0
        if late >= 60 {
            // The simulation fell behind its clock: buses charged past their departure, so the
            // figures above overstate what the night delivered.
            summary.append(String(format: "  the simulation unplugged buses up to %.0f min after their departure: NOT A VALID NIGHT", late / 60))
        }
        lines.insert(contentsOf: summary, at: 1)
        return lines.joined(separator: "\n")
    }

    /// Where the runtime's time went.
    func line(_ statistics: RuntimeStatistics) -> String {
        func ms(_ duration: Duration) -> String { String(format: "%.0f ms", duration.secondsValue * 1000) }
        return
            "runtime: \(statistics.plans) plans (\(ms(statistics.planning))), \(statistics.ticks) ticks (\(ms(statistics.allocation))), policy \(ms(statistics.policy)), storage \(ms(statistics.storage)), \(statistics.limitsSent) limits sent"
    }
}
