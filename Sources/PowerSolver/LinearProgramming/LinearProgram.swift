/// A linear program as plain values: bounded columns with costs and sparse bounded rows, built
/// once and handed to `SimplexSolver` (docs/solver.md §3.2). Infinite bounds are `±.infinity`.
struct LinearProgram {
    /// One row l ≤ Σ value·x[column] ≤ u.
    struct Row {
        var lower: Double
        var upper: Double
        var columns: [Int32]
        var values: [Double]
    }

    private(set) var columnLower: [Double] = []
    private(set) var columnUpper: [Double] = []
    private(set) var rows: [Row] = []

    var columnCount: Int { columnLower.count }

    /// Adds a column and returns its index.
    mutating func addColumn(lower: Double, upper: Double) -> Int {
        columnLower.append(lower)
        columnUpper.append(upper)
        return columnLower.count - 1
    }

    /// Adds a row; zero coefficients are dropped.
    mutating func addRow(lower: Double, upper: Double, _ terms: [(column: Int, value: Double)]) {
        let kept = terms.filter { $0.value != 0 }
        rows.append(Row(lower: lower, upper: upper, columns: kept.map { Int32($0.column) }, values: kept.map(\.value)))
    }

    /// The rows in compressed sparse column form, as Clp loads them.
    func compressedColumns() -> (starts: [Int32], rowIndex: [Int32], values: [Double]) {
        var counts = [Int32](repeating: 0, count: columnCount + 1)
        for row in rows { for column in row.columns { counts[Int(column) + 1] += 1 } }
        for column in 0..<columnCount { counts[column + 1] += counts[column] }
        var next = counts
        var rowIndex = [Int32](repeating: 0, count: Int(counts[columnCount]))
        var values = [Double](repeating: 0, count: Int(counts[columnCount]))
        for (index, row) in rows.enumerated() {
            for (column, value) in zip(row.columns, row.values) {
                let position = Int(next[Int(column)])
                rowIndex[position] = Int32(index)
                values[position] = value
                next[Int(column)] += 1
            }
        }
        return (counts, rowIndex, values)
    }
}
