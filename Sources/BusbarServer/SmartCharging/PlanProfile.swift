import DepotModel
public import Foundation
public import OCPP
public import PowerSolver

/// Turns a vehicle's night plan into the charging profile for its connector (docs/solver.md §1, the
/// emitter layer): the plan's kW per slot from now on become limit steps, and the profile builder
/// adds the validity horizon and the fail-safe share after it (docs/ocpp.md §13.3).
public enum PlanProfile {
    /// The plan's limits from `now`, one step per slot in W (the slot under way starts at offset 0).
    public static func limitSteps(_ plan: VehiclePlan, grid: SlotGrid, from now: Date) -> [LimitStep] {
        plan.power.indices.compactMap { slot in
            guard grid.slotStart(slot + 1) > now else { return nil }
            let offset = max(0, Int(grid.slotStart(slot).timeIntervalSince(now).rounded(.up)))
            return LimitStep(offsetSeconds: offset, watts: plan.power[slot].watts)
        }
    }

    /// The TxProfile that makes the station follow `plan` (then its fail-safe share).
    public static func sessionProfile(
        for plan: VehiclePlan, grid: SlotGrid, builder: ProfileBuilder, connector: Int, transaction: ChargingTransactionID, now: Date
    ) -> OutgoingCall {
        builder.sessionProfile(connector: connector, transaction: transaction, limits: limitSteps(plan, grid: grid, from: now), now: now)
    }
}
