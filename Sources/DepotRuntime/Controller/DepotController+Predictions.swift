import DepotModel
import Foundation
import PowerSolver

/// Predictions that hold (issue 13, part 4): the plan rolled forward every tick from what is
/// measured, re-planning when the depot leaves the plan, and `will_miss_departure` for every bus
/// whose forecast falls below its minimum target.
extension DepotController {
    /// Forecasts every planned vehicle from its SoC now (measured, or its expected arrival SoC),
    /// its taper and its measured acceptance (``DeparturePrediction``), then raises and resolves
    /// the warnings.
    func refreshPredictions(now: Date) {
        var result: [VehicleID: VehiclePlan] = [:]
        if let plan {
            var sessions: [VehicleID: LiveSession] = [:]
            for record in connectors.values.sorted(by: { $0.address < $1.address }) {
                if let session = record.session, let vehicle = session.vehicle, sessions[vehicle] == nil { sessions[vehicle] = session }
            }
            for vehiclePlan in plan.vehicles {
                guard let planned = plannedVehicles[vehiclePlan.id], let master = depot.vehicle(vehiclePlan.id) else { continue }
                let session = sessions[vehiclePlan.id]
                let entry = plannedStays[vehiclePlan.id].flatMap { entries[$0] }
                let soc = session.map { stateOfCharge($0, vehicle: master, entry: entry) } ?? planned.stateOfCharge
                let model = AcceptanceModel(
                    vehicle: master, maximum: planned.maxPower, measured: session.flatMap { acceptance[$0.id]?.measured },
                    assumedTaperStart: settings.assumedTaperStart)
                result[vehiclePlan.id] = DeparturePrediction(plan: vehiclePlan, vehicle: planned, grid: plan.grid, acceptance: model)
                    .vehiclePlan(from: now, stateOfCharge: soc)
            }
        }
        predicted = result
        warnOfMisses(now: now)
    }

    /// `will_miss_departure` for every stay whose forecast lies below its minimum target, as soon as
    /// it does, with the reason; resolved when the forecast is back at the minimum (half a point
    /// above it, so a forecast at the edge does not flap) or the bus leaves (``sessionEnded``), or
    /// its departure passes.
    func warnOfMisses(now: Date) {
        for (vehicle, prediction) in predicted.sorted(by: { $0.key < $1.key }) {
            guard let stay = plannedStays[vehicle], let entry = entries[stay], entry.departure > now else { continue }
            let forecast = prediction.departureStateOfCharge.value
            let minimum = entry.minTargetSoC.value
            if let open = misses[stay] {
                guard forecast >= minimum + 0.5 else { continue }
                resolve(key(of: open))
                misses[stay] = nil
            } else if forecast < minimum - 0.05 {
                let incident = DepotIncident(
                    kind: .willMissDeparture, at: now, tenant: entry.tenant, vehicle: vehicle,
                    message: missMessage(entry, forecast: forecast, prediction: prediction, now: now), departure: entry.departure)
                misses[stay] = incident
                note(incident)
            }
        }
        for (stay, open) in misses where (entries[stay]?.departure ?? .distantPast) <= now {
            resolve(key(of: open))
            misses[stay] = nil
        }
    }

    /// The warning's text: forecast against minimum, and why — the plan's binding limits, what
    /// the bus takes, or that it has not arrived.
    private func missMessage(_ entry: TimetableEntry, forecast: Double, prediction: VehiclePlan, now: Date) -> String {
        var reasons = prediction.binding.map { $0.summary(in: depot.timeZone) }
        let session = connectors.values.compactMap(\.session).first { $0.vehicle == entry.vehicle }
        if let session, let measured = acceptance[session.id]?.measured {
            reasons.append("takes only \(Int(measured.power.value.rounded())) kW at \(Int(measured.stateOfCharge.value)) %")
        }
        if session == nil, entry.arrival < now { reasons.append("not plugged in yet") }
        return "\(entry.vehicle) will leave with \(Int(forecast.rounded(.down))) % instead of \(Int(entry.minTargetSoC.value)) %"
            + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))")
    }

    /// Plans again (at most every `deviationReplanInterval`) when the depot has left the plan: a
    /// plugged-in bus more than `planDeviation` kWh off its planned trajectory (the energy behind
    /// or ahead of plan, docs/solver.md §1), a bus newly found to take less than it is allowed (or no
    /// longer), or a planned arrival that passed without the bus, which is late now.
    func watchPlanDeviation(now: Date) {
        var reasons = false
        for record in connectors.values.sorted(by: { $0.address < $1.address }) {
            guard let session = record.session, let vehicle = session.vehicle.flatMap(depot.vehicle) else { continue }
            let entry = session.entry.flatMap { entries[$0] }
            let soc = stateOfCharge(session, vehicle: vehicle, entry: entry)
            if let limit = record.limitInForce, let sentAt = record.limitSentAt, let sampledAt = session.sampledAt, !session.held,
                record.state == .charging
            {
                var watch = acceptance[session.id] ?? AcceptanceWatch()
                if watch.observe(
                    power: session.power, soc: soc, limit: limit, settledSince: sentAt.addingTimeInterval(30), sampledAt: sampledAt,
                    after: settings.acceptanceAfter.secondsValue)
                {
                    reasons = true
                }
                acceptance[session.id] = watch
            }
            if let planned = plannedSoC(of: vehicle.id, at: now),
                abs(planned - soc.value) / 100 * vehicle.batteryCapacity.value > settings.planDeviation
            {
                reasons = true
            }
        }
        let running = Set(connectors.values.compactMap(\.session?.id))
        acceptance = acceptance.filter { running.contains($0.key) }
        let plugged = Set(connectors.values.compactMap(\.session?.vehicle))
        if plannedVehicles.values.contains(where: { !plugged.contains($0.id) && $0.arrival < now && $0.departure > now }) { reasons = true }
        guard reasons, now.timeIntervalSince(deviationPlannedAt) >= settings.deviationReplanInterval.secondsValue else { return }
        deviationPlannedAt = now
        planNeeded = true
    }

    /// The SoC the plan in force expects a plugged-in vehicle to have now, linear inside a slot
    /// over the part the plan could use (from when the plan was made).
    func plannedSoC(of vehicle: VehicleID, at now: Date) -> Double? {
        guard let plan, let planned = plannedVehicles[vehicle], let vehiclePlan = plan.vehicles.first(where: { $0.id == vehicle }),
            let slot = plan.grid.slot(containing: now), slot + 1 < vehiclePlan.stateOfCharge.count, now < planned.departure
        else { return nil }
        let from = max(plan.grid.slotStart(slot), planned.arrival)
        let to = min(plan.grid.slotStart(slot + 1), planned.departure)
        guard to > from, now >= from else { return nil }
        let share = now.timeIntervalSince(from) / to.timeIntervalSince(from)
        let start = vehiclePlan.stateOfCharge[slot].value
        return start + share * (vehiclePlan.stateOfCharge[slot + 1].value - start)
    }
}
