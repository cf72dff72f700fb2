extension Depot {
    /// The circuits from `circuit` up to the top of the tree (the grid connection above them is
    /// implicit), nearest first.
    public func ancestry(of circuit: CircuitID) -> [Circuit] {
        var path: [Circuit] = []
        var next: CircuitID? = circuit
        while let id = next, let node = self.circuit(id), !path.contains(where: { $0.id == id }) {
            path.append(node)
            next = node.parent
        }
        return path
    }

    /// The circuits directly below a circuit, or the top-level ones for nil.
    public func children(of parent: CircuitID?) -> [Circuit] {
        circuits.filter { $0.parent == parent }
    }

    /// Chargers fed by a circuit or any circuit below it.
    public func chargers(under circuit: CircuitID) -> [Charger] {
        chargers.filter { charger in
            guard let leaf = charger.circuit else { return false }
            return ancestry(of: leaf).contains { $0.id == circuit }
        }
    }
}
