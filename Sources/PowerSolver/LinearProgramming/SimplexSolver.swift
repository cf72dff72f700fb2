import CClp

/// COIN-OR Clp behind a small Swift surface: load a `LinearProgram`, minimise one objective after
/// another, keep each optimum as a row, read the solution (docs/solver.md §3.2).
///
/// Why Clp: the taper makes the night plan an LP that is no flow; Clp is a well-kept solver with a
/// C API in Debian (`coinor-libclp-dev`, EPL-2.0), so CI installs it like Lua and SQLite. Its dual
/// simplex solves the first stage and every later stage starts from the previous basis (a kept
/// optimum leaves it primal feasible), which an interior-point method cannot do.
///
/// Not Sendable: one solver per planning call, used on one thread and freed at deinit.
final class SimplexSolver {
    private let model: UnsafeMutableRawPointer
    private let columnCount: Int
    private var solvedOnce = false

    init(_ program: LinearProgram) {
        guard let created = Clp_newModel() else { fatalError("Clp could not allocate a model (out of memory)") }
        model = created
        columnCount = program.columnCount
        Clp_setLogLevel(model, 0)
        let matrix = program.compressedColumns()
        let starts = matrix.starts.map { CoinBigIndex($0) }
        let objective = [Double](repeating: 0, count: program.columnCount)
        let rowLower = program.rows.map { Self.finite($0.lower) }
        let rowUpper = program.rows.map { Self.finite($0.upper) }
        let columnLower = program.columnLower.map(Self.finite)
        let columnUpper = program.columnUpper.map(Self.finite)
        Clp_loadProblem(
            model, Int32(program.columnCount), Int32(program.rows.count), starts, matrix.rowIndex, matrix.values,
            columnLower, columnUpper, objective, rowLower, rowUpper)
    }

    deinit { Clp_deleteModel(model) }

    /// Minimises Σ cost·x over the current rows and returns the optimum, or nil when Clp does
    /// not report an optimal solution (infeasible rows are a bug of the model builder).
    func minimise(_ costs: [(column: Int, value: Double)]) -> Double? {
        var objective = [Double](repeating: 0, count: columnCount)
        for term in costs { objective[term.column] += term.value }
        Clp_chgObjCoefficients(model, objective)
        if solvedOnce {
            _ = Clp_primal(model, 0)
        } else {
            _ = Clp_initialDualSolve(model)
            solvedOnce = true
        }
        if Clp_status(model) != 0 {
            // Numerical trouble after many warm starts: one cold solve before giving up.
            _ = Clp_initialSolve(model)
            guard Clp_status(model) == 0 else { return nil }
        }
        return Clp_objectiveValue(model)
    }

    /// Adds l ≤ Σ value·x ≤ u (a kept optimum, a bound on the peak).
    func addRow(lower: Double, upper: Double, _ terms: [(column: Int, value: Double)]) {
        let starts: [CoinBigIndex] = [0, CoinBigIndex(terms.count)]
        Clp_addRows(model, 1, [Self.finite(lower)], [Self.finite(upper)], starts, terms.map { Int32($0.column) }, terms.map(\.value))
    }

    /// Changes a column's upper bound.
    func setUpperBound(_ column: Int, _ value: Double) {
        guard let current = Clp_columnUpper(model) else { return }
        var bounds = Array(UnsafeBufferPointer(start: current, count: columnCount))
        bounds[column] = Self.finite(value)
        Clp_chgColumnUpper(model, bounds)
    }

    /// A solve's primal values and row activities, kept so a later stage that fails can fall back.
    struct Solved {
        let solution: [Double]
        let activities: [Double]
    }

    /// The last solve's values.
    func solved() -> Solved { Solved(solution: solution(), activities: rowActivities()) }

    /// The primal column values of the last solve.
    func solution() -> [Double] {
        guard let values = Clp_primalColumnSolution(model) else { return [] }
        return Array(UnsafeBufferPointer(start: values, count: columnCount))
    }

    /// The activity Σ value·x of every row in the last solve.
    func rowActivities() -> [Double] {
        guard let values = Clp_primalRowSolution(model) else { return [] }
        return Array(UnsafeBufferPointer(start: values, count: Int(Clp_numberRows(model))))
    }

    /// Clp's "infinity" is 1e30; anything beyond it is free.
    private static func finite(_ value: Double) -> Double { min(max(value, -1e30), 1e30) }
}
