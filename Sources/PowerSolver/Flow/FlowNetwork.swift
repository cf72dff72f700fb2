/// A directed network with integer capacities and Dinic's max-flow, the engine behind the exact
/// planner (docs/solver.md §3.1).
///
/// Capacities are integer milliwatt-hours, so every augmentation is exact and the result does not
/// depend on floating-point order. Arcs are added in pairs (forward, backward at `index ^ 1`); the
/// residual capacities are the whole state, so a copy of the network is a snapshot of a flow.
struct FlowNetwork: Sendable {
    let vertexCount: Int
    let source: Int
    let sink: Int
    private(set) var head: [Int32] = []
    private(set) var residual: [Int64] = []
    private var capacity: [Int64] = []
    private var firstArc: [Int32] = []
    private var arcOrder: [Int32] = []
    private var level: [Int32]
    private var cursor: [Int32]
    private var queue: [Int32]

    init(vertexCount: Int, source: Int, sink: Int) {
        self.vertexCount = vertexCount
        self.source = source
        self.sink = sink
        level = Array(repeating: -1, count: vertexCount)
        cursor = Array(repeating: 0, count: vertexCount)
        queue = Array(repeating: 0, count: vertexCount)
    }

    /// Adds an arc `from → to` with a capacity (0 = closed for now) and returns its index.
    mutating func addArc(from: Int, to: Int, capacity arcCapacity: Int64) -> Int {
        let index = head.count
        head.append(Int32(to))
        residual.append(arcCapacity)
        capacity.append(arcCapacity)
        head.append(Int32(from))
        residual.append(0)
        capacity.append(0)
        return index
    }

    /// Builds the adjacency index; call once after the last `addArc`.
    mutating func finalize() {
        var counts = Array(repeating: Int32(0), count: vertexCount + 1)
        for arc in 0..<head.count { counts[Int(tail(of: arc)) + 1] += 1 }
        for vertex in 0..<vertexCount { counts[vertex + 1] += counts[vertex] }
        firstArc = counts
        var fill = counts
        arcOrder = Array(repeating: 0, count: head.count)
        for arc in 0..<head.count {
            let vertex = Int(tail(of: arc))
            arcOrder[Int(fill[vertex])] = Int32(arc)
            fill[vertex] += 1
        }
    }

    /// The vertex an arc leaves (the head of its twin).
    func tail(of arc: Int) -> Int32 { head[arc ^ 1] }

    /// The flow on a forward arc.
    func flow(on arc: Int) -> Int64 { residual[arc ^ 1] }

    /// The capacity of a forward arc.
    func capacityOf(_ arc: Int) -> Int64 { capacity[arc] }

    /// Changes a forward arc's capacity; the new capacity must not be below the arc's flow.
    mutating func setCapacity(_ arc: Int, to newCapacity: Int64) {
        precondition(newCapacity >= residual[arc ^ 1], "capacity below flow")
        residual[arc] = newCapacity - residual[arc ^ 1]
        capacity[arc] = newCapacity
    }

    /// Augments to a maximum flow from the current one and returns the flow added.
    @discardableResult
    mutating func augment() -> Int64 {
        var total: Int64 = 0
        while buildLevels() {
            for vertex in 0..<vertexCount { cursor[vertex] = firstArc[vertex] }
            total += blockingFlow()
        }
        return total
    }

    /// The vertices reachable from `start` in the residual network, never entering `excluded`.
    func reachable(from start: Int, excluding excluded: (Int) -> Bool) -> [Bool] {
        var seen = Array(repeating: false, count: vertexCount)
        var stack = [start]
        seen[start] = true
        while let vertex = stack.popLast() {
            for position in Int(firstArc[vertex])..<Int(firstArc[vertex + 1]) {
                let arc = Int(arcOrder[position])
                let next = Int(head[arc])
                if residual[arc] > 0, !seen[next], !excluded(next) {
                    seen[next] = true
                    stack.append(next)
                }
            }
        }
        return seen
    }

    /// The arcs leaving a vertex, forward and backward.
    func arcs(leaving vertex: Int) -> some Sequence<Int> {
        (Int(firstArc[vertex])..<Int(firstArc[vertex + 1])).lazy.map { Int(arcOrder[$0]) }
    }

    private mutating func buildLevels() -> Bool {
        for vertex in 0..<vertexCount { level[vertex] = -1 }
        level[source] = 0
        queue[0] = Int32(source)
        var read = 0
        var write = 1
        while read < write {
            let vertex = Int(queue[read])
            read += 1
            for position in Int(firstArc[vertex])..<Int(firstArc[vertex + 1]) {
                let arc = Int(arcOrder[position])
                let next = Int(head[arc])
                if residual[arc] > 0, level[next] < 0 {
                    level[next] = level[vertex] + 1
                    queue[write] = Int32(next)
                    write += 1
                }
            }
        }
        return level[sink] >= 0
    }

    /// One blocking flow on the level graph, with an explicit path stack (no recursion).
    private mutating func blockingFlow() -> Int64 {
        var total: Int64 = 0
        var path: [Int] = []
        var vertex = source
        while true {
            if vertex == sink {
                var bottleneck = Int64.max
                for arc in path { bottleneck = min(bottleneck, residual[arc]) }
                var firstSaturated = path.count
                for (position, arc) in path.enumerated() {
                    residual[arc] -= bottleneck
                    residual[arc ^ 1] += bottleneck
                    if residual[arc] == 0, firstSaturated == path.count { firstSaturated = position }
                }
                total += bottleneck
                path.removeSubrange(firstSaturated...)
                vertex = path.last.map { Int(head[$0]) } ?? source
                continue
            }
            var advanced = false
            let end = firstArc[vertex + 1]
            while cursor[vertex] < end {
                let arc = Int(arcOrder[Int(cursor[vertex])])
                let next = Int(head[arc])
                if residual[arc] > 0, level[next] == level[vertex] + 1 {
                    path.append(arc)
                    vertex = next
                    advanced = true
                    break
                }
                cursor[vertex] += 1
            }
            if advanced { continue }
            if vertex == source { return total }
            level[vertex] = -1
            let arc = path.removeLast()
            vertex = Int(tail(of: arc))
            cursor[vertex] += 1
        }
    }
}
