/// One progressive filling over the tree (docs/solver.md §5 step 3b/4), event by event: the common
/// level jumps to the next session start, session cap, node saturation or budget exhaustion.
/// Cost O(n log n + events · nodes).
struct WaterFill {
    private var start: [Double]
    private var cap: [Double]
    private let members: [Int]
    /// Per session of the tick, its member index here or -1.
    private let memberOf: [Int]
    /// Members by start value and by cap, each with a cursor.
    private let byStart: [Int]
    private let byCap: [Int]
    /// 0 waiting, 1 rising, 2 done.
    private var phase: [UInt8]
    /// Rising members below each node.
    private var rising: [Int]
    private var risingTotal = 0
    /// The level at which each node's room was last brought up to date: a node's room shrinks by
    /// `rising · (level − stamp)` and is only written back when its rising count changes.
    private var stamp: [Double]
    private var level = 0.0

    init(state: AllocationState, members: [Int], cap capOf: (Int) -> Double) {
        self.members = members
        var memberOf = Array(repeating: -1, count: state.sessions.count)
        for (member, session) in members.enumerated() { memberOf[session] = member }
        self.memberOf = memberOf
        start = members.map { state.power[$0] }
        cap = members.indices.map { max(state.power[members[$0]], capOf(members[$0])) }
        let start = self.start
        let cap = self.cap
        byStart = members.indices.sorted { start[$0] != start[$1] ? start[$0] < start[$1] : $0 < $1 }
        byCap = members.indices.sorted { cap[$0] != cap[$1] ? cap[$0] < cap[$1] : $0 < $1 }
        phase = Array(repeating: 0, count: members.count)
        rising = Array(repeating: 0, count: state.nodes.count)
        stamp = Array(repeating: 0, count: state.nodes.count)
    }

    /// A node's room at the current level.
    private func room(_ node: Int, _ state: AllocationState) -> Double {
        max(0, state.room[node] - Double(rising[node]) * (level - stamp[node]))
    }

    /// Writes a node's room at the current level back before its rising count changes.
    private mutating func sync(_ node: Int, _ state: inout AllocationState) {
        state.room[node] = room(node, state)
        stamp[node] = level
    }

    mutating func run(_ state: inout AllocationState, budget: inout Double, atCap: LimitProvenance) {
        guard !members.isEmpty else { return }
        level = start[byStart[0]]
        for node in stamp.indices { stamp[node] = level }
        var nextStart = 0
        var nextCap = 0
        while true {
            while nextStart < byStart.count, start[byStart[nextStart]] <= level + AllocationState.dust {
                let member = byStart[nextStart]
                nextStart += 1
                if phase[member] != 0 { continue }
                let chain = state.chains[members[member]]
                if cap[member] <= start[member] {
                    finish(member, at: start[member], &state, reason: atCap)
                } else if let full = chain.first(where: { room($0, state) <= AllocationState.dust }) {
                    finish(member, at: start[member], &state, reason: reason(for: full, state))
                } else if budget <= AllocationState.dust {
                    finish(member, at: start[member], &state, reason: .envelope)
                } else {
                    phase[member] = 1
                    for node in chain {
                        sync(node, &state)
                        rising[node] += 1
                    }
                    risingTotal += 1
                }
            }
            while nextCap < byCap.count, phase[byCap[nextCap]] == 2 { nextCap += 1 }
            if risingTotal == 0 && nextStart == byStart.count { return }
            var step = Double.infinity
            if nextStart < byStart.count { step = start[byStart[nextStart]] - level }
            if nextCap < byCap.count, phase[byCap[nextCap]] == 1 { step = min(step, cap[byCap[nextCap]] - level) }
            var saturating = -1
            for node in state.nodes.indices where rising[node] > 0 {
                let headroom = room(node, state) / Double(rising[node])
                if headroom < step {
                    step = headroom
                    saturating = node
                }
            }
            var budgetEnds = false
            if risingTotal > 0, budget / Double(risingTotal) < step {
                step = budget / Double(risingTotal)
                budgetEnds = true
                saturating = -1
            }
            step = max(0, step)
            level += step
            if risingTotal > 0 { budget = max(0, budget - step * Double(risingTotal)) }
            if saturating >= 0 {
                sync(saturating, &state)
                state.room[saturating] = 0
                for session in state.below[saturating] {
                    let member = memberOf[session]
                    if member >= 0, phase[member] == 1 {
                        finish(member, at: level, &state, reason: reason(for: saturating, state))
                    }
                }
            } else if budgetEnds {
                budget = 0
                for member in members.indices where phase[member] == 1 { finish(member, at: level, &state, reason: .envelope) }
            } else {
                while nextCap < byCap.count, phase[byCap[nextCap]] != 0, cap[byCap[nextCap]] <= level + AllocationState.dust {
                    let member = byCap[nextCap]
                    nextCap += 1
                    if phase[member] == 1 { finish(member, at: cap[member], &state, reason: atCap) }
                }
            }
        }
    }

    private func reason(for node: Int, _ state: AllocationState) -> LimitProvenance {
        state.nodes[node].meterIsStale ? .staleMeter(node: state.nodes[node].id) : .frozen(node: state.nodes[node].id)
    }

    private mutating func finish(_ member: Int, at value: Double, _ state: inout AllocationState, reason: LimitProvenance) {
        if phase[member] == 1 {
            for node in state.chains[members[member]] {
                sync(node, &state)
                rising[node] -= 1
            }
            risingTotal -= 1
        }
        phase[member] = 2
        state.power[members[member]] = value
        state.provenance[members[member]] = reason
    }
}
