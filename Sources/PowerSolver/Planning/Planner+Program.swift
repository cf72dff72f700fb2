import DepotModel

extension Planner {
    /// Stage optima are kept as rows with this slack: relative, plus an absolute kWh / kW part.
    static let keptRelative = 1e-7
    static let keptAbsolute = 1e-6

    /// The exact plan on the LP with SoC states (docs/solver.md §3.2): unmet energy class by class,
    /// then the least peak; with readiness first, the earliest delivery within the peak the
    /// preferences allow; then cost with the ε·t tie-break. Each stage starts from the previous basis.
    ///
    /// Only the unmet-energy stages must solve: when Clp cannot solve a later stage (primal
    /// infeasible by a few hundredths after the kept rows, seen on demo nights), the plan is the
    /// solution of the stage before — it delivers the same energy, only less early or less cheaply —
    /// instead of no plan at all.
    func solveProgram(_ model: PlanningModel) throws -> Plan {
        let program = StateOfChargeProgram(model)
        let solver = SimplexSolver(program.program)
        let problem = model.problem
        for (kind, tier) in PlanReport.classes(of: problem) {
            let members = problem.vehicles.indices.filter { problem.vehicles[$0].tier == tier }
            let columns = members.map { kind == .must ? program.mustShortfall[$0] : program.wantShortfall[$0] }
            _ = try keep(solver, columns.map { ($0, 1.0) }, stage: "unmet \(kind) tier \(tier)")
        }
        var solved = solver.solved()
        func plan(_ solved: SimplexSolver.Solved, peak: Double) -> Plan {
            let power = program.power.map { columns in
                var slots = Array(repeating: 0.0, count: model.slotCount)
                for (slot, column) in columns { slots[slot] = max(0, solved.solution[column]) }
                return slots
            }
            let analysis = ProgramBindingAnalysis(
                program: program, solution: solved.solution, activities: solved.activities, rows: program.program.rows,
                peak: peak.isFinite ? peak : .greatestFiniteMagnitude)
            return PlanReport(model: model, power: power) { analysis.constraints(for: $0, intrinsic: $1) }.plan()
        }
        guard let leastPeak = solver.minimise([(program.peak, 1)]) else { return plan(solved, peak: .infinity) }
        solved = solver.solved()
        let allowedPeak = Self.allowedPeak(least: leastPeak, problem)
        if allowedPeak.isFinite {
            solver.setUpperBound(program.peak, allowedPeak + Self.keptRelative * allowedPeak + Self.keptAbsolute)
        }
        if problem.preferences?.readinessFirst == true {
            // Battery kWh weighted by the slot it arrives in: the least sum is the earliest plan.
            let earliness = program.power.enumerated().flatMap { index, columns in
                columns.map { ($0.column, problem.vehicles[index].efficiency * model.slotHours * Double($0.slot + 1)) }
            }
            guard (try? keep(solver, earliness, stage: "readiness")) != nil else { return plan(solved, peak: allowedPeak) }
            solved = solver.solved()
        }
        var costs: [(column: Int, value: Double)] = []
        for columns in program.power {
            for (slot, column) in columns {
                costs.append((column, (problem.tariff.prices[slot] + tieBreak * Double(slot)) * model.slotHours))
            }
        }
        for (slot, column) in program.excess.enumerated() { costs.append((column, problem.tariff.excessPenalty[slot])) }
        if solver.minimise(costs) != nil { solved = solver.solved() }
        return plan(solved, peak: allowedPeak)
    }

    /// The peak the stages after stage 2 may use: the least peak, raised by the tolerance and to
    /// the billing period's peak so far; unbounded when the depot sets no tolerance (only the
    /// node limits hold then).
    static func allowedPeak(least: Double, _ problem: PlanningProblem) -> Double {
        guard let preferences = problem.preferences else { return max(least, problem.tariff.billingPeak?.value ?? 0) }
        guard let tolerance = preferences.peakTolerance else { return .infinity }
        return max(least * (1 + tolerance), problem.tariff.billingPeak?.value ?? 0)
    }

    /// Minimises a stage objective and keeps its optimum (within the slack) as a row.
    private func keep(_ solver: SimplexSolver, _ terms: [(column: Int, value: Double)], stage: String) throws -> Double {
        guard !terms.isEmpty else { return 0 }
        guard let optimum = solver.minimise(terms) else { throw PlanningError.programNotSolved(stage: stage) }
        solver.addRow(lower: -.infinity, upper: optimum + Self.keptRelative * abs(optimum) + Self.keptAbsolute, terms)
        return optimum
    }
}
