import DepotModel
import Foundation
import PolicyEngine
import PowerSolver

/// What a changed priority decision would do to the night (docs/policy-api.md, `busbar policy replay`):
/// the planner run on the recorded sessions twice, with the recorded and with the replayed tiers
/// and caps, giving each vehicle's predicted departure SoC and the site peak under both.
struct ReplayPrediction {
    struct Departure {
        let vehicle: VehicleID
        let recorded: Percent
        let replayed: Percent
    }

    /// Vehicles whose predicted departure SoC moves by at least 0.1 %.
    let departures: [Departure]
    let recordedPeak: Kilowatts
    let replayedPeak: Kilowatts

    /// Plans the sessions of a priority input with both outputs; nil when the input has no session
    /// with a known departure after `now`, or an output is not a priority result.
    /// - Parameters:
    ///   - input: the recorded `{ctx = …}` state.
    ///   - recorded: the recorded output (JSON); `replayed` the new one.
    static func make(depot: Depot, input: SettingValue, recorded: String, replayed: String) throws -> ReplayPrediction? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .secondsSince1970
        let context = try decoder.decode(Input.self, from: try JSONEncoder().encode(input)).ctx
        guard let before = try? decoder.decode([PriorityDecision].self, from: Data(recorded.utf8)),
            let after = try? decoder.decode([PriorityDecision].self, from: Data(replayed.utf8)),
            before.count == context.sessions.count, after.count == context.sessions.count
        else { return nil }
        let planned = vehicles(context, depot: depot)
        guard let end = planned.map(\.vehicle.departure).max() else { return nil }
        let grid = SlotGrid(covering: context.now, to: end, slotLength: .minutes(15))
        let planner = Planner()
        let first = try planner.plan(PlanningProblem(depot: depot, grid: grid, vehicles: planned.map { $0.vehicle.with(before[$0.index]) }))
        let second = try planner.plan(PlanningProblem(depot: depot, grid: grid, vehicles: planned.map { $0.vehicle.with(after[$0.index]) }))
        let replayedSoC = Dictionary(second.vehicles.map { ($0.id, $0.departureStateOfCharge) }, uniquingKeysWith: { first, _ in first })
        let departures = first.vehicles.compactMap { vehicle -> Departure? in
            guard let soc = replayedSoC[vehicle.id], abs(soc.value - vehicle.departureStateOfCharge.value) >= 0.1 else { return nil }
            return Departure(vehicle: vehicle.id, recorded: vehicle.departureStateOfCharge, replayed: soc)
        }
        return ReplayPrediction(departures: departures, recordedPeak: first.objectives.peak, replayedPeak: second.objectives.peak)
    }

    /// One line for the text output.
    var text: String {
        let peak = "peak \(Self.format(recordedPeak.value)) → \(Self.format(replayedPeak.value)) kW"
        guard !departures.isEmpty else { return "  predicted: \(peak); departure SoCs unchanged" }
        let socs = departures.map { "\($0.vehicle) \(Self.format($0.recorded.value)) → \(Self.format($0.replayed.value)) %" }
        return "  predicted: \(peak); departure SoC \(socs.joined(separator: ", "))"
    }

    var json: [String: Any] {
        [
            "peak_kw": ["recorded": recordedPeak.value, "replayed": replayedPeak.value],
            "departure_soc": departures.map { ["vehicle": $0.vehicle.rawValue, "recorded": $0.recorded.value, "replayed": $0.replayed.value] },
        ]
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The sessions the planner can take: a known departure after `now`, one stay per vehicle.
    private static func vehicles(_ context: PriorityContext, depot: Depot) -> [(index: Int, vehicle: PlanningVehicle)] {
        var seen: Set<VehicleID> = []
        return context.sessions.enumerated().compactMap { index, session in
            let arrival = max(context.now, session.arrival ?? context.now)
            guard let departure = session.departure, departure > arrival, seen.insert(session.vehicle.id).inserted else { return nil }
            let node = depot.chargers.first { $0.id == session.connector.charger }.map(PlanningProblem.node(of:)) ?? PlanningProblem.siteNodeID
            let vehicle = PlanningVehicle(
                id: session.vehicle.id, node: node, arrival: arrival, departure: departure, capacity: session.vehicle.batteryKwh,
                stateOfCharge: session.soc, minTarget: session.minTargetSoc ?? session.soc, maxTarget: session.targetSoc,
                maxPower: Kilowatts(min(session.connector.maxKw.value, session.vehicle.maxKw.value)), tenant: session.tenant)
            return (index, vehicle)
        }
    }

    private struct Input: Decodable {
        let ctx: PriorityContext
    }
}

extension PlanningVehicle {
    /// This vehicle with a priority decision applied: its tier, and its cap as the most power.
    fileprivate func with(_ decision: PriorityDecision) -> PlanningVehicle {
        PlanningVehicle(
            id: id, node: node, arrival: arrival, departure: departure, capacity: capacity, stateOfCharge: stateOfCharge,
            minTarget: minTarget, maxTarget: maxTarget, maxPower: decision.maxKw.map { Kilowatts(min($0.value, maxPower.value)) } ?? maxPower,
            efficiency: efficiency, tier: decision.tier, powerCurve: powerCurve, preconditioning: preconditioning, tenant: tenant)
    }
}
