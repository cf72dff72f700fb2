import ArgumentParser
import DepotModel
import Foundation
import PowerSolver

extension SolverBench {
    /// A receding-horizon night (issue 13, 5b): the night simulated slot by slot, re-planned every
    /// 15 minutes and at every arrival for the vehicles present only, the plan's first slot(s)
    /// executed with seeded under-delivery, against the one-shot plan with perfect information and
    /// perfect execution and against least laxity first with the same under-delivery.
    struct Receding: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Receding-horizon night against the one-shot plan and LLF.")

        @OptionGroup var instance: InstanceOptions
        @Option(help: "Each vehicle-slot delivers U(1 − share, 1) of its commanded power (0.1 = ±10 %).")
        var underDelivery: Double = 0.1
        @Option(help: "Minutes between regular re-plans (arrivals re-plan too).")
        var replanMinutes: Int = 15
        @Flag(inversion: .prefixedNo, help: "Re-plan at every arrival (else arrivals wait for the next regular re-plan).")
        var arrivalReplans = true
        @Flag(help: "Print the header line.")
        var header = false
        @Flag(help: "Re-plan with readiness first (docs/solver.md §2.3).")
        var readiness = false
        @Option(help: "With --readiness: the peak tolerance (0.1 = 10 %); without it readiness may use all the grid allows.")
        var peakTolerance: Double?

        static let columns = [
            "family", "n", "slot", "theta", "seed", "under_delivery", "strategy", "unmet_kWh", "unmet_pct_need", "must_kWh", "want_kWh",
            "classes", "peak_kW", "cost_eur", "at_min", "vehicles", "plans", "plan_s",
        ]

        func validate() throws {
            guard (0..<1).contains(underDelivery) else { throw ValidationError("--under-delivery must be in [0, 1)") }
            guard replanMinutes > 0 else { throw ValidationError("--replan-minutes must be positive") }
        }

        func run() throws {
            let spec = try instance.spec()
            let night = try InstanceGenerator.make(spec).problem
            let shortfall = UnderDelivery(share: underDelivery, seed: spec.seed)
            if header { print(Self.columns.joined(separator: "\t")) }

            let clock = ContinuousClock()
            var started = clock.now
            let oneShot = try Planner().plan(night)
            let oneShotSeconds = (clock.now - started).secondsValue
            print(row(spec, "oneshot", outcome(of: oneShot, night: night), plans: 1, seconds: oneShotSeconds))

            var openLoop = try NightSimulation(problem: night, underDelivery: shortfall)
            let command = PlanCommand(plan: oneShot, problem: night, members: Array(night.vehicles.indices), vehicleCount: night.vehicles.count)
            openLoop.run(from: night.grid.start, to: night.grid.slotStart(night.grid.count), command: command.power)
            print(row(spec, "oneshot_open_loop", try outcome(of: openLoop), plans: 1, seconds: oneShotSeconds))

            started = clock.now
            let (receding, plans) = try recede(night, shortfall)
            print(row(spec, "receding", try outcome(of: receding), plans: plans, seconds: (clock.now - started).secondsValue))

            started = clock.now
            let leastLaxity = try leastLaxityFirst(night, shortfall)
            print(row(spec, "llf", try outcome(of: leastLaxity), plans: 0, seconds: (clock.now - started).secondsValue))
        }

        /// Re-plans at every instant of the horizon and executes each plan until the next one.
        func recede(_ night: PlanningProblem, _ shortfall: UnderDelivery) throws -> (NightSimulation, Int) {
            let horizon = RecedingHorizon(night: night, interval: .minutes(replanMinutes), replansOnArrival: arrivalReplans)
            var simulation = try NightSimulation(problem: night, underDelivery: shortfall)
            let instants = horizon.replanInstants() + [night.grid.slotStart(night.grid.count)]
            var plans = 0
            for (now, next) in zip(instants, instants.dropFirst()) {
                guard let (problem, members) = horizon.problem(at: now, stateOfCharge: simulation.stateOfCharge) else { continue }
                let preferences = readiness ? PlanningPreferences(readinessFirst: true, peakTolerance: peakTolerance) : nil
                let plan = try Planner().plan(problem.with(preferences: preferences))
                plans += 1
                let command = PlanCommand(plan: plan, problem: problem, members: members, vehicleCount: night.vehicles.count)
                simulation.run(from: now, to: next, command: command.power)
            }
            return (simulation, plans)
        }

        /// Least laxity first, decided at every slot boundary and arrival for the vehicles present,
        /// each up to its taper at its SoC now and what fills it by the next decision.
        func leastLaxityFirst(_ night: PlanningProblem, _ shortfall: UnderDelivery) throws -> NightSimulation {
            let decisions = RecedingHorizon(night: night, interval: night.grid.slotLength).replanInstants()
            var simulation = try NightSimulation(problem: night, underDelivery: shortfall)
            let instants = decisions + [night.grid.slotStart(night.grid.count)]
            for (now, next) in zip(instants, instants.dropFirst()) {
                guard let slot = night.grid.slot(containing: now) else { continue }
                let hours = next.timeIntervalSince(now) / 3_600
                let present = night.vehicles.indices.filter { simulation.isPresent($0, at: now) && simulation.remainingGridEnergy($0) > 1e-9 }
                let sessions = present.map { index in
                    let vehicle = night.vehicles[index]
                    let remaining = simulation.remainingGridEnergy(index)
                    return AllocationSession(
                        id: ConnectorAddress(charger: ChargerID(vehicle.id.rawValue), connector: 1), node: vehicle.node,
                        maximum: Kilowatts(min(simulation.taperLimit(index), remaining / hours)),
                        laxity: LeastLaxityFirst.laxity(
                            hoursLeft: vehicle.departure.timeIntervalSince(now) / 3_600, remainingGridEnergy: remaining,
                            maxPower: vehicle.maxPower.value),
                        departure: vehicle.departure, need: .fleetBelowTarget)
                }
                let nodes = night.nodes.indices.map { node in
                    AllocationNode(
                        id: night.nodes[node].id, parent: night.nodes[node].parent, capacity: Kilowatts(max(0, simulation.room[node][slot])))
                }
                let power = LeastLaxityFirst.allocate(sessions, nodes: nodes)
                var commanded = Array(repeating: 0.0, count: night.vehicles.count)
                for (position, index) in present.enumerated() { commanded[index] = power[position] }
                simulation.run(from: now, to: next) { index, _ in commanded[index] }
            }
            return simulation
        }

        /// The one-shot plan as planned: its departure SoCs, its peak and cost.
        func outcome(of plan: PowerSolver.Plan, night: PlanningProblem) -> NightOutcome {
            NightOutcome(
                night: night, departureStateOfCharge: plan.vehicles.map(\.departureStateOfCharge.value), peak: plan.objectives.peak.value,
                cost: plan.objectives.cost)
        }

        func outcome(of simulation: NightSimulation) throws -> NightOutcome {
            try simulation.checkEnergyBalance()
            let (peak, cost) = simulation.peakAndCost()
            return NightOutcome(night: simulation.problem, departureStateOfCharge: simulation.stateOfCharge, peak: peak, cost: cost)
        }

        func row(_ spec: InstanceSpec, _ strategy: String, _ outcome: NightOutcome, plans: Int, seconds: Double) -> String {
            [
                spec.family.rawValue, "\(spec.vehicles)", "\(spec.slotMinutes)", "\(spec.theta)", "\(spec.seed)", "\(underDelivery)", strategy,
                String(format: "%.3f", outcome.totalUnmet), String(format: "%.4f", 100 * outcome.totalUnmet / max(outcome.need, 1)),
                String(format: "%.3f", outcome.mustUnmet), String(format: "%.3f", outcome.wantUnmet), outcome.classes,
                String(format: "%.1f", outcome.peak), String(format: "%.2f", outcome.cost), "\(outcome.atMinimum)", "\(outcome.vehicles)",
                "\(plans)", String(format: "%.3f", seconds),
            ].joined(separator: "\t")
        }
    }
}
