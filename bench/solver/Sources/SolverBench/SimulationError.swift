/// Why `receding` cannot simulate an instance or found its own bookkeeping wrong.
struct SimulationError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
